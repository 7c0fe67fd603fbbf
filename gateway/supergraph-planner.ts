import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, specifiedRules, type ValidationRule } from 'graphql';
import { LruCache } from './lru-cache';

type OperationContext = ReturnType<typeof buildOperationContext>;

export interface PlannedOperation {
  document: DocumentNode;
  queryPlan: QueryPlan;
  operationContext: OperationContext;
  kind: 'query' | 'mutation' | 'subscription';
}

/**
 * Plans operations against the supergraph with Apollo's query planner. Plans are cached by operation text in a
 * bounded LRU; `update()` swaps in a new supergraph (and drops the cache).
 */
export class SupergraphPlanner {
  supergraphSchema: GraphQLSchema;
  apiSchema: Schema;
  apiGraphQLSchema: GraphQLSchema;
  private planner: QueryPlanner;
  private cache: LruCache<string, PlannedOperation>;

  constructor(
    supergraphSdl: string,
    private readonly validationRules: ValidationRule[] = [],
    private readonly cacheSize = 500,
  ) {
    this.update(supergraphSdl);
  }

  update(supergraphSdl: string): void {
    const supergraph = Supergraph.build(supergraphSdl);
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    this.cache = new LruCache(this.cacheSize);
  }

  /** Parses, validates and plans; throws GraphQL errors for invalid operations. */
  plan(query: string, operationName?: string | null): PlannedOperation {
    const key = `${operationName ?? ''}\n${query}`;
    const cached = this.cache.get(key);
    if (cached) return cached;

    const document = parse(query);
    const errors = validate(this.apiGraphQLSchema, document, [...specifiedRules, ...this.validationRules]);
    if (errors.length > 0) throw new OperationErrors(errors);
    const operationContext = buildOperationContext({
      schema: this.apiGraphQLSchema,
      operationDocument: document,
      operationName: operationName ?? undefined,
    });
    const operation = operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined });
    const planned: PlannedOperation = {
      document,
      queryPlan: this.planner.buildQueryPlan(operation),
      operationContext,
      kind: operationContext.operation.operation as PlannedOperation['kind'],
    };
    this.cache.set(key, planned);
    return planned;
  }
}

export class OperationErrors extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}
