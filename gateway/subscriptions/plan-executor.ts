import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import type { ExecutionResult } from 'graphql';
import type { GatewayContext } from '../gateway.context';
import type { PlannedOperation, SupergraphPlanner } from '../supergraph-planner';

export interface ExecutionInput {
  planned: PlannedOperation;
  variables: Record<string, unknown>;
  operationName?: string | null;
  query: string;
  context: GatewayContext;
}

/** Runs query plans with `@apollo/gateway`'s executor, outside ApolloServer (for the WebSocket side). */
export class PlanExecutor {
  constructor(
    private readonly planner: SupergraphPlanner,
    private readonly serviceMap: ServiceMap,
  ) {}

  /** A query or mutation. */
  run(input: ExecutionInput): Promise<ExecutionResult> {
    return this.execute(input.planned.queryPlan, this.serviceMap, input);
  }

  /**
   * One subscription event: the primary fetch is answered by the event itself, then the rest of the plan
   * (fields of other subgraphs) runs as for a query.
   */
  runEvent(input: ExecutionInput, event: ExecutionResult): Promise<ExecutionResult> {
    const node = input.planned.queryPlan.node as SubscriptionNode;
    const primary: FetchNode = node.primary;
    const real = this.serviceMap[primary.serviceName];
    const eventSource: GraphQLDataSource = {
      process: (options) =>
        options.request.query === primary.operation ? Promise.resolve(event as never) : real.process(options),
    };
    const plan: QueryPlan = {
      kind: 'QueryPlan',
      node: node.rest ? ({ kind: 'Sequence', nodes: [primary, node.rest] } as PlanNode) : primary,
    };
    return this.execute(plan, { ...this.serviceMap, [primary.serviceName]: eventSource }, input);
  }

  private async execute(plan: QueryPlan, serviceMap: ServiceMap, input: ExecutionInput): Promise<ExecutionResult> {
    const requestContext = {
      request: { query: input.query, variables: input.variables, operationName: input.operationName ?? undefined },
      context: input.context,
      metrics: {},
      logger: console,
      cache: undefined,
      overallCachePolicy: undefined,
    };
    return executeQueryPlan(
      plan,
      serviceMap,
      requestContext as never,
      input.planned.operationContext,
      this.planner.supergraphSchema,
      this.planner.apiSchema,
    ) as Promise<ExecutionResult>;
  }
}
