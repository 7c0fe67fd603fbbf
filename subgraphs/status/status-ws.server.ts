import type http from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { LRUCache } from 'lru-cache';
import { WebSocketServer } from 'ws';
import { operationCaller, type AuthState, type TokenService } from '../../platform/auth';
import { limitParseOptions, queryLimitsRule, type QueryLimits } from '../../platform/query-limits';
import { createStatusContext, type StatusContext } from './status.context';
import { withStartEvent } from './feed';
import { classifyOutage } from '../../platform/outage';
import type { StatusDeps } from './status.deps';

type Extra = {
  connectionAuth?: Promise<AuthState>;
};

/**
 * graphql-ws (`graphql-transport-ws`) on `/graphql` of the status HTTP server. The token comes in the
 * `connection_init` payload as `{ authorization: "Bearer …" }`; an invalid one fails each operation that needs it.
 *
 * A connection authenticated as one of our services (the gateway) carries many users' subscriptions: each
 * subscribe message then names its user in `extensions.authorization` (absent = anonymous). Only service
 * connections may do that, so a citizen cannot act as someone else.
 *
 * `statusMarkAdded` without `after` starts at the newest mark in its scope; a subscriber that sends
 * `extensions: { pinStart: true }` is told that cursor first (a payload with `extensions.startCursor` and no
 * `data`), so it can resume `after` it and lose nothing even if the link drops before the first mark.
 */
export function attachStatusWebSocket(
  schema: GraphQLSchema,
  tokens: TokenService,
  deps: () => StatusDeps,
  limits: { maxBodyBytes: number; query: QueryLimits },
) {
  const limitRules = [queryLimitsRule(limits.query)];
  // Every cabinet behind the gateway subscribes with the same text: parse and validate it once. Valid documents
  // only, bounded by the text's size (a document is not mutated by execution, so one may serve every subscriber).
  const validated = new LRUCache<string, DocumentNode>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (_d, query) => Math.max(1, query.length) });
  return (server: http.Server) => {
    const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: limits.maxBodyBytes });
    const graphqlWs = useServer<Record<string, unknown> | undefined, Extra>(
      {
        schema,
        // The subgraph's own limits, as over HTTP (platform/subgraph-server.ts): tokens, then depth and fields.
        onSubscribe: (_ctx, _id, payload) => {
          const known = validated.get(payload.query);
          if (known) return { schema, document: known, variableValues: payload.variables, operationName: payload.operationName };
          let document: DocumentNode;
          try {
            document = parse(payload.query, limitParseOptions(limits.query));
          } catch (err) {
            return [new GraphQLError((err as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
          }
          // The size limits first (linear); graphql-js' rules only for a document within them.
          let errors = validate(schema, document, limitRules);
          if (errors.length === 0) errors = validate(schema, document, specifiedRules);
          if (errors.length > 0) {
            return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }));
          }
          validated.set(payload.query, document);
          return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
        },
        context: async (ctx, _id, payload) => {
          const authorization = ctx.connectionParams?.authorization;
          ctx.extra.connectionAuth ??= tokens.authenticate(typeof authorization === 'string' ? authorization : undefined);
          return createStatusContext(deps(), await operationCaller(tokens, await ctx.extra.connectionAuth, payload.extensions));
        },
        // A database outage while opening a stream is retryable (the gateway resubscribes), without driver text.
        onNext: (_ctx, _id, _payload, _args, result) => {
          if (!result.errors?.some((e) => classifyOutage(e.originalError ?? e))) return undefined;
          const { errors, ...rest } = result;
          return {
            ...rest,
            errors: errors.map((e) => {
              const outage = classifyOutage(e.originalError ?? e);
              if (!outage) return e.toJSON();
              return { message: `The ${outage.dependency} is unavailable; try again`, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, ...outage } };
            }),
          };
        },
        // A subscriber that asks (`extensions: { pinStart: true }`) first gets `{ extensions: { startCursor } }`:
        // where its stream starts, to resume from should the connection drop before the first mark.
        onOperation: (_ctx, _id, payload, args, result) => {
          const startCursor = (args.contextValue as StatusContext).markStreaming.startCursor;
          if (!payload.extensions?.pinStart || !startCursor || !(Symbol.asyncIterator in result)) return undefined;
          return withStartEvent({ extensions: { startCursor } }, result);
        },
      },
      wss,
    );
    return {
      dispose: async () => {
        await graphqlWs.dispose();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    };
  };
}
