import fs from 'node:fs';
import path from 'node:path';
import type { ServiceMap } from '@apollo/gateway';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { serviceTokenSource, TokenService } from '../platform/auth';
import type { Config } from '../platform/config';
import { formatError } from '../platform/format-error';
import { startGraphQLServer, type RunningServer } from '../platform/http-server';
import { createLogger } from '../platform/logger';
import { addSource, metricsPlugin, operationRecorder, websocketGauges } from '../platform/metrics';
import { BatchingSubgraphClient, EngineGateway, fixedSupergraph, PlanExecutor, SupergraphPlanner, watchedSupergraph } from './engine';
import { corsPolicy } from './cors';
import { graphqlOverHttpStatus } from './graphql-over-http';
import { TrustedDocuments, trustedDocumentsPlugin } from './trusted-documents';
import { fastLane, type FastLaneStats } from './fast-lane';
import { gatewayContext, type GatewayContext } from './gateway.context';
import { subgraphHealth } from './health';
import { refuseHttpSubscriptions } from './http-subscription-refusal';
import { limitsPrecheck } from '../platform/limits-precheck';
import { operationPolicy } from './operation-policy';
import { CallerRateLimits } from './rate-limits';
import { limitMutation, requestPolicyPlugin } from './request-policy-plugin';
import { GatewayStats } from './subscriptions/gateway-stats';
import { UpstreamPool } from './subscriptions/upstream-pool';
import { attachWebSocketGateway } from './subscriptions/websocket-server';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '..', 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  /** Subgraph name → its /graphql URL; overrides the URLs in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** A fixed supergraph instead of the watched `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  supergraphFile?: string;
  /** Cached query plans skip Apollo Server's request pipeline (gateway/fast-lane); default true. */
  fastLane?: boolean;
}

export interface RunningGateway extends RunningServer {
  stats: GatewayStats;
  fastLane: FastLaneStats;
}

/**
 * The federated entry point on one port: `/graphql` over HTTP (Apollo Server) and over WebSocket (graphql-ws,
 * subscriptions included), `/health` that checks every subgraph.
 */
export async function startGateway(config: Config, opts: GatewayOptions = {}): Promise<RunningGateway> {
  const logger = createLogger(config.logLevel, 'gateway');
  const urls = opts.subgraphUrls ?? {
    intake: config.intake.url,
    directory: config.directory.url,
    status: config.status.url,
  };
  const supergraphFile = opts.supergraphFile ?? SUPERGRAPH_FILE;
  const supergraphSdl = opts.supergraphSdl ?? fs.readFileSync(supergraphFile, 'utf8');
  // One policy for HTTP (Apollo Server) and WebSocket (the planner): token, depth and field limits, introspection.
  const policy = operationPolicy(config);
  const production = config.env === 'production';
  const rateLimits = new CallerRateLimits(config);

  const tokens = new TokenService(config.auth.jwtSecret, config.auth.maxTokenTtlSeconds);
  const serviceToken = serviceTokenSource(tokens, 'gateway');
  const planner = new SupergraphPlanner(supergraphSdl, {
    validationRules: policy.validationRules,
    parseOptions: policy.parseOptions,
    hideSuggestions: policy.hideSchemaDetails,
    cacheMaxBytes: config.limits.planCacheMaxBytes,
  });
  // One client (one batcher) per subgraph, for queries, mutations and subscription events alike; a subgraph that a
  // reloaded supergraph adds is reached at the URL it gives.
  const serviceMap: ServiceMap = {};
  const addClients = () => {
    for (const [name, url] of Object.entries({ ...planner.subgraphUrls, ...urls })) {
      serviceMap[name] ??= new BatchingSubgraphClient(url, serviceToken);
    }
  };
  addClients();
  const executor = new PlanExecutor(planner, serviceMap);
  // The committed file is watched, so a new composition is served without a restart (HTTP and WebSocket at once);
  // a given SDL is fixed.
  const source = opts.supergraphSdl
    ? fixedSupergraph(opts.supergraphSdl)
    : watchedSupergraph(supergraphFile, logger, (sdl) => {
        planner.update(sdl);
        addClients();
        gateway.schemaUpdated();
      });
  const gateway = new EngineGateway(planner, executor, () => source.current(), async () => source.close());
  const stats = new GatewayStats();
  const cors = corsPolicy(config.cors.origins);
  // Operation safelist: when TRUSTED_DOCUMENTS is set, only its documents run (HTTP and WebSocket).
  const trusted = config.trustedDocuments ? TrustedDocuments.fromFile(config.trustedDocuments) : undefined;
  const removeGauges = addSource(websocketGauges, () =>
    Object.entries(stats.snapshot()).map(([kind, value]) => ({ labels: { kind }, value })),
  );
  const l = config.limits;
  const errorMapping = formatError(config, logger);
  const recordOperation = operationRecorder('gateway');
  const fastLaneStats: FastLaneStats = { served: 0, declined: 0 };

  const server = await startGraphQLServer<GatewayContext>({
    name: 'gateway',
    host: config.host,
    port: config.gateway.port,
    logger,
    maxBodyBytes: l.maxBodyBytes,
    precheck: limitsPrecheck(policy.limitRules, policy.parseOptions),
    apollo: {
      gateway,
      formatError: errorMapping,
      // Introspection is refused in production by the policy's validation rule (the same over WebSocket).
      introspection: true,
      hideSchemaDetailsFromClientErrors: policy.hideSchemaDetails,
      validationRules: policy.validationRules,
      parseOptions: policy.parseOptions,
      csrfPrevention: true,
      // No cache hints are used: the default cache-control plugin would only cost CPU on every request.
      // Planned operations skip these plugins on the fast lane (gateway/fast-lane): a plugin added here must be
      // honoured there too, or the lane must leave its requests to Apollo Server.
      plugins: [
        refuseHttpSubscriptions,
        metricsPlugin('gateway', recordOperation),
        graphqlOverHttpStatus(),
        ...(trusted ? [trustedDocumentsPlugin(trusted)] : []),
        requestPolicyPlugin(tokens, rateLimits),
        ApolloServerPluginCacheControlDisabled(),
        ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ],
    },
    context: async (req) => gatewayContext(req),
    fastLane:
      opts.fastLane === false
        ? undefined
        : fastLane(
            {
              planner,
              executor,
              trusted,
              record: recordOperation,
              limitMutation: (context, planned) => limitMutation(tokens, rateLimits, context, planned.document, planned.operationContext.operation),
            },
            fastLaneStats,
          ),
    onRequest: cors.handle,
    health: async () => ({ gateway: true, ...(await subgraphHealth(urls)) }),
    attach: (httpServer) => {
      const ws = attachWebSocketGateway(httpServer, {
        planner,
        executor,
        tokens,
        upstream: new UpstreamPool(urls, serviceToken, stats, l.keepAliveMs, l.subscriptionsPerUpstreamSocket),
        stats,
        logger,
        allowsOrigin: cors.allows,
        trustedDocuments: trusted,
        limits: { ...l, resume: { maxAttempts: l.resumeAttempts, baseDelayMs: 100, maxDelayMs: 5000 } },
        rateLimits,
        formatError: errorMapping,
      });
      return { dispose: () => ws.dispose().finally(() => rateLimits.dispose()) };
    },
  });
  return {
    ...server,
    stats,
    fastLane: fastLaneStats,
    stop: async () => {
      removeGauges();
      await server.stop();
    },
  };
}
