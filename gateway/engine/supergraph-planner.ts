import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import { LRUCache } from 'lru-cache';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { endSpan, startSpan } from '../../platform/tracing';
import { nameArgumentFields } from '../argument-fields';
import { strictScalars } from '../strict-scalars';
import { operationContext, shapingOperation } from './apollo-internals';
import type { PreparedOperation } from './plan-execution';

/** A cached plan with everything execution needs of its operation, built once. */
export interface PlannedOperation extends PreparedOperation {
  document: DocumentNode;
  queryPlan: QueryPlan;
  kind: 'query' | 'mutation' | 'subscription';
}

export interface PlannerOptions {
  validationRules?: ValidationRule[];
  parseOptions?: ParseOptions;
  /** Validation messages without "Did you mean …" (production). */
  hideSuggestions?: boolean;
  /** Bound of the plan cache, in estimated bytes. */
  cacheMaxBytes?: number;
}

/**
 * What one cached plan is taken to weigh: the key (UTF-16), its AST and its shaping operation (each measured at
 * roughly ten times the text) and the plan (its JSON, UTF-16). An estimate, but proportional to what a large operation
 * really holds.
 */
function estimatedBytes(planned: PlannedOperation, key: string): number {
  return key.length * 2 + key.length * 20 + JSON.stringify(planned.queryPlan).length * 2;
}

/**
 * Plans operations against the supergraph with Apollo's query planner. Plans are cached by operation text in an LRU
 * bounded by bytes (a few huge operations cannot hold the memory of thousands of small ones); `update()` swaps in a
 * new supergraph (and drops the cache).
 */
export class SupergraphPlanner {
  supergraphSchema: GraphQLSchema;
  apiSchema: Schema;
  apiGraphQLSchema: GraphQLSchema;
  /** Subgraph name → the URL the supergraph gives it. */
  subgraphUrls: Record<string, string>;
  private planner: QueryPlanner;
  private cache: LRUCache<string, PlannedOperation>;
  /** The policy's rules (limits: linear), run before graphql-js' specified rules, which run only if they pass. */
  private readonly validationRules: ValidationRule[];

  constructor(
    supergraphSdl: string,
    private readonly options: PlannerOptions = {},
  ) {
    this.validationRules = options.validationRules ?? [];
    this.update(supergraphSdl);
  }

  update(supergraphSdl: string): void {
    const supergraph = Supergraph.build(supergraphSdl);
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = strictScalars(this.apiSchema.toGraphQLJSSchema());
    this.subgraphUrls = Object.fromEntries(supergraph.subgraphsMetadata().map(({ name, url }) => [name, url]));
    this.planner = new QueryPlanner(supergraph);
    this.cache = new LRUCache<string, PlannedOperation>({
      maxSize: this.options.cacheMaxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (planned, key) => Math.max(1, estimatedBytes(planned, key)),
    });
  }

  get cachedBytes(): number {
    return this.cache.calculatedSize;
  }

  /**
   * Parses, validates and plans; throws OperationErrors carrying the codes Apollo Server gives the same mistakes
   * over HTTP: GRAPHQL_PARSE_FAILED (syntax, too many tokens), GRAPHQL_VALIDATION_FAILED, OPERATION_RESOLUTION_FAILURE.
   */
  plan(query: string, operationName?: string | null): PlannedOperation {
    const cached = this.cache.get(cacheKey(query, operationName));
    if (cached) return cached;

    let document: DocumentNode;
    try {
      document = parse(query, this.options.parseOptions);
    } catch (err) {
      throw new OperationErrors([withCode(err as GraphQLError, 'GRAPHQL_PARSE_FAILED')]);
    }
    let errors = validate(this.apiGraphQLSchema, document, this.validationRules);
    if (errors.length === 0) errors = validate(this.apiGraphQLSchema, document, specifiedRules);
    if (errors.length > 0) {
      nameArgumentFields(document, errors);
      throw new OperationErrors(
        errors.map((e) => {
          const coded = withCode(e, 'GRAPHQL_VALIDATION_FAILED');
          if (this.options.hideSuggestions) coded.message = coded.message.replace(/ ?Did you mean(.+?)\?$/, '');
          return coded;
        }),
      );
    }
    const unresolved = operationResolutionError(document, operationName);
    if (unresolved) throw new OperationErrors([unresolved]);
    return this.planValidated(document, query, operationName);
  }

  /**
   * The plan of an operation planned before, or undefined: no parsing, no validation, no planning. Its text passed
   * this planner's validation (plan()) or Apollo Server's, with the same rules, when it was cached.
   */
  cached(query: string, operationName?: string | null): PlannedOperation | undefined {
    return this.cache.get(cacheKey(query, operationName));
  }

  /**
   * Plans a document that was already parsed and validated against `apiGraphQLSchema` with the same rules (Apollo
   * Server does it on the HTTP path), by the same cache as `plan()`. Its operation must be resolvable.
   */
  planValidated(document: DocumentNode, query: string, operationName?: string | null): PlannedOperation {
    const key = cacheKey(query, operationName);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const span = startSpan('gateway.plan', { attributes: { 'graphql.operation.name': operationName ?? undefined } });
    try {
      const context = operationContext(this.apiGraphQLSchema, document, operationName);
      const operation = operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined });
      const planned: PlannedOperation = {
        document,
        queryPlan: this.planner.buildQueryPlan(operation),
        operationContext: context,
        operation: shapingOperation(this.apiSchema, context),
        kind: context.operation.operation as PlannedOperation['kind'],
      };
      this.cache.set(key, planned);
      endSpan(span);
      return planned;
    } catch (err) {
      endSpan(span, err);
      throw err;
    }
  }
}

const cacheKey = (query: string, operationName?: string | null) => `${operationName ?? ''}\n${query}`;

/**
 * The error for a document whose operation cannot be chosen (an unknown `operationName`, or several operations and
 * none named), as Apollo Server answers it: 400, OPERATION_RESOLUTION_FAILURE. Null when the operation is found.
 */
export function operationResolutionError(document: DocumentNode, operationName?: string | null, httpStatus = false): GraphQLError | null {
  if (getOperationAST(document, operationName ?? undefined)) return null;
  const message = operationName
    ? `Unknown operation named "${operationName}".`
    : 'The document has several operations: name the one to run with operationName.';
  return new GraphQLError(message, {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', ...(httpStatus ? { http: { status: 400 } } : {}) },
  });
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export class OperationErrors extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}
