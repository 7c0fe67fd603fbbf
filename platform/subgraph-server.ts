import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { operationCaller, TokenService, type AuthState } from './auth';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { isDatabaseUp, openDatabase, type DatabaseDefinition } from './database';
import { formatError } from './format-error';
import { startGraphQLServer, type RouteHandler, type RunningServer } from './http-server';
import { createLogger, type Logger } from './logger';
import { addSource, dbPoolGauges, metricsPlugin } from './metrics';
import { traceSql } from './tracing';
import { limitsPrecheck } from './limits-precheck';
import { limitParseOptions, queryLimitsRule, subgraphLimitsOf } from './query-limits';
import type http from 'node:http';

export interface SubgraphRuntime {
  config: Config;
  db: DataSource;
  logger: Logger;
  tokens: TokenService;
  /** "Now" for every legal term (`systemClock` unless a test injects one). */
  clock: Clock;
}

export interface SubgraphDefinition<C> {
  name: 'intake' | 'directory' | 'status';
  database: DatabaseDefinition;
  buildSchema: () => Promise<GraphQLSchema>;
  /** Per-request context from the authenticated caller. */
  context: (runtime: SubgraphRuntime, auth: AuthState, req: IncomingMessage) => C;
  /** Runs once the database is open, before the server listens (seeding, background workers). */
  onStart?: (
    runtime: SubgraphRuntime,
  ) => Promise<{ stop?: () => Promise<void>; routes?: Record<string, RouteHandler>; softHealth?: () => Record<string, boolean> } | void>;
  attach?: (runtime: SubgraphRuntime, schema: GraphQLSchema) => (server: http.Server) => { dispose(): Promise<void> };
}

export interface RunningSubgraph extends RunningServer {
  /** The subgraph's own database (tests seed through it). */
  db: DataSource;
  /** The other services' real addresses, once they are known (a subgraph started earlier sends events to later ones). */
  learnPeers(config: Pick<Config, 'intake' | 'directory' | 'status'>): void;
}

/** Opens the subgraph's database and serves its schema on its port. */
export async function startSubgraph<C extends object>(
  def: SubgraphDefinition<C>,
  config: Config,
  options: { clock?: Clock } = {},
): Promise<RunningSubgraph> {
  const logger = createLogger(config.logLevel, def.name);
  const db = await openDatabase(config, def.database);
  const clock = options.clock ?? systemClock;
  const runtime: SubgraphRuntime = {
    config,
    db,
    logger,
    tokens: new TokenService(config.auth.jwtSecret, config.auth.maxTokenTtlSeconds),
    clock,
  };
  const l = config.limits;
  const limits = subgraphLimitsOf(config);
  traceSql(db, def.name);
  const removePoolGauge = addSource(dbPoolGauges, () => poolUse(db, def.name));
  try {
    const schema = await def.buildSchema();
    const started = (await def.onStart?.(runtime)) || {};
    const server = await startGraphQLServer<C & { auth: AuthState }>({
      name: def.name,
      host: config.host,
      port: config[def.name].port,
      logger,
      maxBodyBytes: l.maxBodyBytes,
      precheck: limitsPrecheck([queryLimitsRule(limits)], limitParseOptions(limits)),
      apollo: {
        schema,
        formatError: formatError(config, logger),
        introspection: config.env !== 'production',
        hideSchemaDetailsFromClientErrors: config.env === 'production',
        // Limits of its own (the gateway's are not the only way in): tokens at parse, then depth and fields.
        parseOptions: limitParseOptions(limits),
        validationRules: [queryLimitsRule(limits)],
        plugins: [
          // No cache hints are used, and the default cache-control plugin wraps every field resolver.
          ApolloServerPluginCacheControlDisabled(),
          ApolloServerPluginInlineTraceDisabled(),
          metricsPlugin(def.name),
          ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
        ],
      },
      acceptBatches: true, // the gateway's (gateway/engine/subgraph-batcher.ts)
      context: async (req, operation) => {
        let auth = await runtime.tokens.authenticate(req.headers.authorization);
        // In a batch from the gateway (a service), each operation names its own user.
        if (operation !== undefined) auth = await operationCaller(runtime.tokens, auth, (operation as { extensions?: unknown }).extensions);
        return { ...def.context(runtime, auth, req), auth };
      },
      health: async () => ({ database: await isDatabaseUp(db) }),
      softHealth: started.softHealth,
      routes: started.routes,
      attach: def.attach?.(runtime, schema),
    });
    return {
      ...server,
      db,
      learnPeers: ({ intake, directory, status }) => {
        runtime.config = { ...runtime.config, intake, directory, status };
      },
      stop: async () => {
        // In-flight requests finish first (they may still need the workers: a filing kicks the outbox relay, a mark
        // is published); live subscriptions are closed and resume on another instance from their last cursor.
        logger.debug('draining the HTTP server');
        await server.stop();
        logger.debug('stopping background work');
        await started.stop?.();
        logger.debug('closing the database');
        removePoolGauge();
        if (db.isInitialized) await db.destroy();
        logger.debug('stopped');
      },
    };
  } catch (err) {
    removePoolGauge();
    await db.destroy();
    throw err;
  }
}

/** Connections of a MySQL/MariaDB pool by state (mysql2 keeps them in lists of its own); none for SQLite. */
function poolUse(db: DataSource, service: string) {
  const pool = (db.driver as { pool?: Record<string, unknown> }).pool;
  if (!pool) return [];
  const size = (list: unknown) => {
    const l = list as { length?: number; size?: () => number } | undefined;
    return typeof l?.length === 'number' ? l.length : typeof l?.size === 'function' ? l.size() : 0;
  };
  const all = size(pool._allConnections);
  const free = size(pool._freeConnections);
  return [
    { labels: { service, state: 'used' }, value: all - free },
    { labels: { service, state: 'free' }, value: free },
    { labels: { service, state: 'queued' }, value: size(pool._connectionQueue) },
  ];
}
