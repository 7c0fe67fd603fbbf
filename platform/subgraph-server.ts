import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { operationCaller, TokenService, type AuthState } from './auth';
import type { Config } from './config';
import { isDatabaseUp, openDatabase, type DatabaseDefinition } from './database';
import { formatError } from './format-error';
import { startGraphQLServer, type RouteHandler, type RunningServer } from './http-server';
import { createLogger, type Logger } from './logger';
import type http from 'node:http';

export interface SubgraphRuntime {
  config: Config;
  db: DataSource;
  logger: Logger;
  tokens: TokenService;
}

export interface SubgraphDefinition<C> {
  name: 'intake' | 'directory' | 'status';
  database: DatabaseDefinition;
  buildSchema: () => Promise<GraphQLSchema>;
  /** Per-request context from the authenticated caller. */
  context: (runtime: SubgraphRuntime, auth: AuthState, req: IncomingMessage) => C;
  /** Runs once the database is open, before the server listens (seeding, background workers). */
  onStart?: (runtime: SubgraphRuntime) => Promise<{ stop?: () => Promise<void>; routes?: Record<string, RouteHandler> } | void>;
  attach?: (runtime: SubgraphRuntime, schema: GraphQLSchema) => (server: http.Server) => { dispose(): Promise<void> };
}

export interface RunningSubgraph extends RunningServer {
  /** The subgraph's own database (tests seed through it). */
  db: DataSource;
  /** The other services' real addresses, once they are known (a subgraph started earlier sends events to later ones). */
  learnPeers(config: Pick<Config, 'intake' | 'directory' | 'status'>): void;
}

/** Opens the subgraph's database and serves its schema on its port. */
export async function startSubgraph<C extends object>(def: SubgraphDefinition<C>, config: Config): Promise<RunningSubgraph> {
  const logger = createLogger(config.logLevel, def.name);
  const db = await openDatabase(config, def.database);
  const runtime: SubgraphRuntime = { config, db, logger, tokens: new TokenService(config.auth.jwtSecret) };
  try {
    const schema = await def.buildSchema();
    const started = (await def.onStart?.(runtime)) || {};
    const server = await startGraphQLServer<C & { auth: AuthState }>({
      name: def.name,
      host: config.host,
      port: config[def.name].port,
      logger,
      apollo: {
        schema,
        formatError: formatError(config, logger),
        introspection: config.env !== 'production',
        plugins: [
          // No cache hints are used, and the default cache-control plugin wraps every field resolver.
          ApolloServerPluginCacheControlDisabled(),
          ApolloServerPluginInlineTraceDisabled(),
          ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
        ],
      },
      acceptBatches: true, // the gateway's (gateway/subgraph-batcher.ts)
      context: async (req, operation) => {
        let auth = await runtime.tokens.authenticate(req.headers.authorization);
        // In a batch from the gateway (a service), each operation names its own user.
        if (operation !== undefined) auth = await operationCaller(runtime.tokens, auth, (operation as { extensions?: unknown }).extensions);
        return { ...def.context(runtime, auth, req), auth };
      },
      health: async () => ({ database: await isDatabaseUp(db) }),
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
        logger.debug('stopping background work');
        await started.stop?.();
        logger.debug('draining the HTTP server');
        await server.stop();
        logger.debug('closing the database');
        if (db.isInitialized) await db.destroy();
        logger.debug('stopped');
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
