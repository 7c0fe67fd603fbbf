/**
 * The gateway's one execution engine, for HTTP (EngineGateway under Apollo Server) and WebSocket
 * (subscriptions/websocket-server.ts): planner and plan cache, executor, one batching client per subgraph, the
 * supergraph source.
 */
export { EngineGateway } from './engine-gateway';
export { PlanExecutor, type ExecutionInput } from './plan-executor';
export { BatchingSubgraphClient } from './subgraph-client';
export { fixedSupergraph, watchedSupergraph, type SupergraphSource } from './supergraph-source';
export { OperationErrors, operationResolutionError, SupergraphPlanner, type PlannedOperation } from './supergraph-planner';
export { variableErrors } from './variables';
