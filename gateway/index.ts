import fs from 'node:fs';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../platform/config';
import { formatError } from '../platform/format-error';
import { startGraphQLServer, type RunningServer } from '../platform/http-server';
import { createLogger } from '../platform/logger';
import { AuthForwardingDataSource } from './auth-forwarding-data-source';
import type { GatewayContext } from './gateway.context';
import { subgraphHealth } from './health';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '..', 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  /** Subgraph name → its /graphql URL; overrides the URLs in the supergraph. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
}

/** The federated entry point: HTTP on `/graphql`, `/health` that checks every subgraph. */
export async function startGateway(config: Config, opts: GatewayOptions = {}): Promise<RunningServer> {
  const logger = createLogger(config.logLevel, 'gateway');
  const urls = opts.subgraphUrls ?? {
    intake: config.intake.url,
    directory: config.directory.url,
    status: config.status.url,
  };
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => new AuthForwardingDataSource(urls[name] ?? url!),
  });
  return startGraphQLServer<GatewayContext>({
    name: 'gateway',
    host: config.host,
    port: config.gateway.port,
    logger,
    apollo: {
      gateway,
      formatError: formatError(config, logger),
      introspection: config.env !== 'production',
      plugins: config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : [],
    },
    context: async (req) => ({ authorization: req.headers.authorization }),
    health: async () => ({ gateway: true, ...(await subgraphHealth(urls)) }),
  });
}
