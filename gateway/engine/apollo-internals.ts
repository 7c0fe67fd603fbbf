import { buildOperationContext, executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { Schema } from '@apollo/federation-internals';
import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../gateway.context';

/**
 * The two pieces of `@apollo/gateway` the engine runs on, behind types of our own. `ApolloGateway` is not used: it
 * brings its own planner, plan cache, fetchers and supergraph watcher. Its executor wants a whole Apollo Server request
 * context, of which it reads only what `PlanRequest` carries (logger, metrics, variables, the context handed to the
 * subgraph clients); this file builds that subset, so no other file casts into Apollo's internals.
 * apollo-internals.spec.ts pins what the engine relies on.
 */
export type OperationContext = ReturnType<typeof buildOperationContext>;

export interface PlanRequest {
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/** The operation to run (graphql-js AST), its fragments and the API schema, as Apollo's executor takes them. */
export function operationContext(apiSchema: GraphQLSchema, document: DocumentNode, operationName?: string | null): OperationContext {
  return buildOperationContext({ schema: apiSchema, operationDocument: document, operationName: operationName ?? undefined });
}

export interface PlanSchemas {
  supergraphSchema: GraphQLSchema;
  apiSchema: Schema;
}

/** Runs a query plan: fetches through `serviceMap`, then shapes the response to the operation's selections. */
export function runQueryPlan(
  plan: QueryPlan,
  serviceMap: ServiceMap,
  request: PlanRequest,
  operation: OperationContext,
  schemas: PlanSchemas,
): Promise<ExecutionResult> {
  const requestContext: Pick<GatewayGraphQLRequestContext<GatewayContext>, 'logger' | 'metrics' | 'context'> & {
    request: { variables: Record<string, unknown> };
  } = {
    request: { variables: request.variables },
    context: request.context,
    metrics: {},
    logger: console,
  };
  return executeQueryPlan(
    plan,
    serviceMap,
    requestContext as GatewayGraphQLRequestContext,
    operation,
    schemas.supergraphSchema,
    schemas.apiSchema,
  ) as Promise<ExecutionResult>;
}
