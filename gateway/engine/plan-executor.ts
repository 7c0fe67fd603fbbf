import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetchNode, PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import type { ExecutionResult } from 'graphql';
import { inSpan } from '../../platform/tracing';
import type { GatewayContext } from '../gateway.context';
import { executePlan } from './plan-execution';
import type { PlannedOperation, SupergraphPlanner } from './supergraph-planner';
import { variableErrors } from './variables';

export interface ExecutionInput {
  planned: PlannedOperation;
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/**
 * Runs query plans over the subgraph clients, for both transports: HTTP (engine-gateway.ts, under Apollo Server) and
 * WebSocket (queries, mutations and each subscription event). One client per subgraph, so the fetches of a
 * subscription event share batches with those of queries.
 */
export class PlanExecutor {
  constructor(
    private readonly planner: SupergraphPlanner,
    private readonly serviceMap: ServiceMap,
  ) {}

  /**
   * A client's query or mutation over HTTP (Apollo Server's executor and the fast lane alike): variables that do not
   * coerce are answered with their errors before any fetch.
   */
  async runRequest(input: ExecutionInput): Promise<ExecutionResult> {
    const errors = variableErrors(this.planner.apiGraphQLSchema, input.planned, input.variables);
    return errors ? { errors } : this.run(input);
  }

  /** A query or mutation. */
  run(input: ExecutionInput): Promise<ExecutionResult> {
    const name = input.planned.operationContext.operation.name?.value;
    return inSpan('gateway.request', { attributes: { 'graphql.operation.name': name } }, () =>
      executePlan(input.planned.queryPlan, this.serviceMap, input, input.planned, this.planner.supergraphSchema),
    );
  }

  /**
   * One subscription event: the primary fetch is answered by the event itself, then the rest of the plan
   * (fields of other subgraphs) runs as for a query.
   */
  runEvent(input: ExecutionInput, event: ExecutionResult): Promise<ExecutionResult> {
    const node = input.planned.queryPlan.node as SubscriptionNode;
    const primary: FetchNode = node.primary;
    const real = this.serviceMap[primary.serviceName];
    // The event arrived as JSON: its errors are already in their formatted shape.
    const answer = event as GatewayGraphQLResponse;
    const eventSource: GraphQLDataSource = {
      process: (options) => (options.request.query === primary.operation ? Promise.resolve(answer) : real.process(options)),
    };
    const plan: QueryPlan = {
      kind: 'QueryPlan',
      node: node.rest ? ({ kind: 'Sequence', nodes: [primary, node.rest] } as PlanNode) : primary,
    };
    return executePlan(plan, { ...this.serviceMap, [primary.serviceName]: eventSource }, input, input.planned, this.planner.supergraphSchema);
  }
}
