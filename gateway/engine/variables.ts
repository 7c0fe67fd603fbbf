import { getVariableValues, GraphQLError, type GraphQLSchema } from 'graphql';
import type { PlannedOperation } from './supergraph-planner';

/**
 * The errors of variables that do not coerce to the operation's variable types, coded BAD_USER_INPUT (as Apollo
 * Server codes them), for HTTP and WebSocket alike; null when they coerce. Checked before any fetch, so a subgraph is
 * never asked with them.
 */
export function variableErrors(apiSchema: GraphQLSchema, planned: PlannedOperation, variables: Record<string, unknown>): GraphQLError[] | null {
  const coerced = getVariableValues(apiSchema, planned.operationContext.operation.variableDefinitions ?? [], variables);
  if (!coerced.errors) return null;
  return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }));
}
