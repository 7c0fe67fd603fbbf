import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../gateway.context';
import type { PlanExecutor } from './plan-executor';
import type { SupergraphPlanner } from './supergraph-planner';

/**
 * The engine as Apollo Server's `gateway`: Apollo Server parses, validates (with the policy's rules), runs the
 * plugins and shapes the HTTP answer; execution is the planner and executor the WebSocket side uses. The document
 * Apollo validated is planned as it is (no second validation), cached by operation text and name.
 */
export class EngineGateway implements GatewayInterface {
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  constructor(
    private readonly planner: SupergraphPlanner,
    private readonly executor: PlanExecutor,
    private readonly supergraphSdl: () => string,
    private readonly onStop: () => Promise<void> = async () => {},
  ) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  /** Tells Apollo Server the planner has a new supergraph (it then drops its validated documents). */
  schemaUpdated(): void {
    const event = { apiSchema: this.planner.apiGraphQLSchema, coreSupergraphSdl: this.supergraphSdl() };
    for (const listener of this.listeners) listener(event);
  }

  async load() {
    this.schemaUpdated();
    return {
      executor: async (requestContext: Parameters<GatewayExecutor>[0]) => {
        const { document, source, request } = requestContext;
        const planned = this.planner.planValidated(document, source, request.operationName);
        return this.executor.runRequest({ planned, variables: request.variables ?? {}, context: requestContext.context as GatewayContext });
      },
    };
  }

  stop(): Promise<void> {
    return this.onStop();
  }
}

type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
