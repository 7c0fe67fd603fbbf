import type { GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import { ERRORS, errorCodeDef, type FieldSelection, type Operation } from '@apollo/federation-internals';
import { evaluateCondition, getResponseName, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode, type ResponsePath } from '@apollo/query-planner';
import {
  executeSync,
  GraphQLError,
  Kind,
  OperationTypeNode,
  TypeNameMetaFieldDef,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { inSpan } from '../../platform/tracing';
import type { GatewayContext } from '../gateway.context';
import { applyRewrites, computeResponse, deepMerge, INCOMING_OPERATION, isObjectOfType, type OperationContext } from './apollo-internals';

/** What a plan runs for: the caller's variables and the context handed to the subgraph clients. */
export interface PlanRequest {
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/** The operation in the two shapes execution needs, both built once per plan (supergraph-planner.ts caches them). */
export interface PreparedOperation {
  /** graphql-js AST of the operation and its fragments, against the API schema. */
  operationContext: OperationContext;
  /** The same operation as `@apollo/federation-internals` holds it: the selections the response is shaped to. */
  operation: Operation;
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Run {
  serviceMap: ServiceMap;
  request: PlanRequest;
  prepared: PreparedOperation;
  supergraphSchema: GraphQLSchema;
  errors: GraphQLError[];
}

interface Cursor {
  path: ResponsePath;
  data: Data | Data[];
  fullResult: Data;
}

/**
 * Runs a query plan: its fetches through `serviceMap`, then the response shaped to the operation's selections. The
 * algorithm of `@apollo/gateway`'s `executeQueryPlan` (2.x), which rebuilt the federation operation from the AST on
 * every request and built usage-reporting trace nodes nobody read: here the operation comes prepared with the plan,
 * and the spans are the same names (`gateway.execute`, `gateway.fetch`, `gateway.postprocessing`) only when tracing
 * is on. plan-execution.spec.ts pins its answers, errors and paths.
 */
export function executePlan(plan: QueryPlan, serviceMap: ServiceMap, request: PlanRequest, prepared: PreparedOperation, supergraphSchema: GraphQLSchema): Promise<ExecutionResult> {
  return inSpan('gateway.execute', {}, async () => {
    if (plan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
    const run: Run = { serviceMap, request, prepared, supergraphSchema, errors: [] };
    const unfilteredData: Data = Object.create(null);
    if (plan.node) await executeNode(run, plan.node, { path: [], data: unfilteredData, fullResult: unfilteredData });
    return inSpan('gateway.postprocessing', {}, async () => shape(run, unfilteredData));
  });
}

function shape(run: Run, unfilteredData: Data): ExecutionResult {
  const { operationContext, operation } = run.prepared;
  const variables = run.request.variables;
  let data: ExecutionResult['data'];
  try {
    let postProcessingErrors: GraphQLError[];
    ({ data, errors: postProcessingErrors } = computeResponse({
      operation,
      variables,
      input: unfilteredData,
      introspectionHandling: (f: FieldSelection) =>
        executeIntrospection(operationContext.schema, f.expandFragments().toSelectionNode(), operationContext.operation.variableDefinitions, variables),
    }));
    if (run.errors.length === 0 && postProcessingErrors.length > 0) return { extensions: { valueCompletion: postProcessingErrors }, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    console.error(`Unexpected error during query plan execution: ${String(error)}`);
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
  return run.errors.length === 0 ? { data } : { errors: run.errors, data };
}

async function executeNode(run: Run, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child, cursor)));
      return;
    case 'Flatten':
      return executeNode(run, node.node, moveIntoCursor(cursor, node.path));
    case 'Fetch':
      try {
        await executeFetch(run, node, cursor);
      } catch (error) {
        run.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const picked = evaluateCondition(node, run.prepared.operation.variableDefinitions, run.request.variables) ? node.ifClause : node.elseClause;
      if (picked) await executeNode(run, picked, cursor);
      return;
    }
    default:
      throw new Error(`${node.kind} is not supported by the gateway`);
  }
}

function executeFetch(run: Run, fetch: FetchNode, cursor: Cursor): Promise<void> {
  return inSpan('gateway.fetch', { attributes: { service: fetch.serviceName } }, async () => {
    const service = run.serviceMap[fetch.serviceName];
    if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
    const entities: Data[] = Array.isArray(cursor.data) ? cursor.data.filter((e) => e !== null && e !== undefined) : [cursor.data];
    if (entities.length < 1) return;

    const provided = run.request.variables;
    const variables: Data = Object.create(null);
    for (const name of fetch.variableUsages ?? []) {
      if (Object.prototype.hasOwnProperty.call(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
    }

    const send = async (vars: Data): Promise<Data | null | undefined> => {
      const response = await service.process({
        kind: INCOMING_OPERATION,
        request: { query: fetch.operation, variables: vars, operationName: fetch.operationName },
        // The subset of Apollo Server's request context the clients may read (ours read `context` only).
        incomingRequestContext: { request: { variables: provided }, context: run.request.context, metrics: {}, logger: console } as never,
        context: run.request.context,
        document: fetch.operationDocumentNode,
        pathInIncomingRequest: cursor.path,
      } satisfies GraphQLDataSourceProcessOptions<GatewayContext>);
      if (response.errors) {
        const errorPath = lazyErrorPath(fetch, cursor);
        run.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, errorPath)));
      }
      return response.data;
    };

    if (!fetch.requires) {
      const received = await send(variables);
      if (received) applyRewrites(run.supergraphSchema, fetch.outputRewrites, received);
      for (const entity of entities) deepMerge(entity, received);
      return;
    }

    const representations: Data[] = [];
    const representationToEntity: number[] = [];
    entities.forEach((entity, index) => {
      const representation = executeSelectionSet(run.supergraphSchema, entity, fetch.requires!);
      if (representation && representation[TypeNameMetaFieldDef.name]) {
        applyRewrites(run.supergraphSchema, fetch.inputRewrites, representation);
        representations.push(representation);
        representationToEntity.push(index);
      }
    });
    if (representations.length < 1) return;
    if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);
    const received = await send({ ...variables, representations });
    if (!received) return;
    if (!Array.isArray(received._entities)) throw new Error(`Expected "data._entities" in response to be an array`);
    const receivedEntities = received._entities as Data[];
    if (receivedEntities.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
    // Over `entities`, as Apollo's executor: past the representations both sides are undefined and nothing merges.
    for (let i = 0; i < entities.length; i++) {
      const receivedEntity = receivedEntities[i];
      const existingEntity = entities[representationToEntity[i]];
      if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existingEntity.__typename;
      applyRewrites(run.supergraphSchema, fetch.outputRewrites, receivedEntity);
      deepMerge(entities[representationToEntity[i]], receivedEntity);
    }
  });
}

function lazyErrorPath(fetch: FetchNode, cursor: Cursor): (path: GraphQLFormattedError['path']) => (string | number)[] | undefined {
  let hydratedPaths: (string | number)[][] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydratedPaths) {
        hydratedPaths = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydratedPaths);
      }
      return [...(hydratedPaths[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

/** The concrete paths (`@` expanded to indexes) of the entities a fetch at `path` was sent, in order. */
function hydratePaths(parent: (string | number)[], path: ResponsePath, data: unknown, result: (string | number)[][]): void {
  const head = path[0];
  if (data === null || data === undefined) return;
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === '@') {
    (data as unknown[]).forEach((value, i) => {
      parent.push(i);
      hydratePaths(parent, path.slice(1), value, result);
      parent.pop();
    });
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      data.forEach((value, i) => {
        parent.push(i);
        hydratePaths(parent, path, value, result);
        parent.pop();
      });
    } else if (Object.prototype.hasOwnProperty.call(data, head)) {
      parent.push(head);
      hydratePaths(parent, path.slice(1), (data as Data)[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`unknown path part "${String(head)}"`);
  }
}

function downstreamServiceError(original: GraphQLFormattedError, serviceName: string, errorPath: (path: GraphQLFormattedError['path']) => (string | number)[] | undefined): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as Error,
    path: errorPath(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as GraphQLError);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** The representation of `source` a `requires` selection asks for; null when a required field is missing. */
function executeSelectionSet(schema: GraphQLSchema, source: Data | null, selections: QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  const result: Data = Object.create(null);
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const responseName = getResponseName(selection);
      const sub = selection.selections;
      if (!Object.prototype.hasOwnProperty.call(source, responseName) || source[responseName] === undefined) return null;
      const value = source[responseName];
      if (Array.isArray(value)) result[responseName] = value.map((v) => (sub ? executeSelectionSet(schema, v, sub) : v));
      else result[responseName] = sub ? executeSelectionSet(schema, value, sub) : value;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || !source) continue;
      if (isObjectOfType(schema, source, selection.typeCondition)) deepMerge(result, executeSelectionSet(schema, source, selection.selections));
    }
  }
  return result;
}

function moveIntoCursor(cursor: Cursor, path: ResponsePath): Cursor | undefined {
  const data = flattenResultsAtPath(cursor.data, path);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

function flattenResultsAtPath(value: any, path: ResponsePath): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (path.length === 0 || value === undefined || value === null) return value;
  const [current, ...rest] = path;
  if (current === '@') return (value as unknown[]).flatMap((element) => flattenResultsAtPath(element, rest));
  if (typeof current !== 'string') throw new Error(`Unexpected ${typeof current} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${current}`);
  return Object.prototype.hasOwnProperty.call(value, current) ? flattenResultsAtPath(value[current], rest) : undefined;
}

/** `__schema`/`__type` asked next to federated fields: answered from the API schema. */
function executeIntrospection(schema: GraphQLSchema, selection: FieldNode, variableDefinitions: readonly VariableDefinitionNode[] | undefined, variableValues: Data): unknown {
  const used = new Set<string>();
  visit(selection, { Variable: ({ name }) => void used.add(name.value) });
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: variableDefinitions?.filter((def) => used.has(def.variable.name.value)),
        selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] },
      },
    ],
  };
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues });
  if (errors?.length || !data) throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed: ${JSON.stringify(errors)}`);
  const key = selection.alias?.value ?? selection.name.value;
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
}
