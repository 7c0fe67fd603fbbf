import type http from 'node:http';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal, TokenService } from '../../platform/auth';
import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { contextFrom, inSpan, SpanKind, tracingEnabled } from '../../platform/tracing';
import type { TrustedDocuments } from '../trusted-documents';
import { callerKey } from '../caller-key';
import { rootFieldCount } from '../mutation-count';
import type { GatewayContext } from '../gateway.context';
import { rateLimitedError, type CallerRateLimits } from '../rate-limits';
import { OperationErrors, variableErrors, type PlanExecutor, type PlannedOperation, type SupergraphPlanner } from '../engine';
import type { GatewayStats } from './gateway-stats';
import { upstreamOperation } from './resumable-operation';
import type { UpstreamPool } from './upstream-pool';
import type { ResumePolicy } from './upstream-subscription';
import { LiveSubscription, type LiveOperation, type LiveSubscriptions } from './live-subscription';
import { closeUninitialised } from './init-deadline';
import { keepClientsAlive } from './keep-alive';
import { sharedText } from './shared-text';
import { TokenExpiry } from './token-expiry';

/** The WebSocket limits of the configuration, and how upstream streams are resumed. */
export type SubscriptionLimits = Config['limits'] & { resume: ResumePolicy };

interface ConnectionState {
  /** The verified token's `exp` (seconds), when it has one. */
  exp?: number;
  /** The caller's authorization, shared by every operation of the connection. */
  context: GatewayContext;
  userKey: string;
  /**
   * Ids of this connection's subscriptions, reserved when they are accepted: a cabinet holds one, so one id is kept
   * as is and a `Set` made only for a second.
   */
  subscriptions?: string | Set<string>;
}

/** A subscription or operation of a connection; `trace` and `pinStart` come from the subscribe message's extensions. */
interface OperationState extends LiveOperation {
  connection: ConnectionState;
}

const subscriptionCount = (c: ConnectionState) =>
  c.subscriptions === undefined ? 0 : typeof c.subscriptions === 'string' ? 1 : c.subscriptions.size;

function reserveSubscription(c: ConnectionState, id: string): void {
  if (c.subscriptions === undefined) c.subscriptions = id;
  else if (typeof c.subscriptions === 'string') c.subscriptions = new Set([c.subscriptions, id]);
  else c.subscriptions.add(id);
}

function releaseSubscription(c: ConnectionState, id: string): void {
  if (c.subscriptions === id) c.subscriptions = undefined;
  else if (typeof c.subscriptions === 'object') c.subscriptions.delete(id);
}

type Extra = { socket: import('ws').WebSocket; request: http.IncomingMessage; state?: ConnectionState };

export interface WebSocketGatewayOptions {
  planner: SupergraphPlanner;
  executor: PlanExecutor;
  tokens: TokenService;
  upstream: UpstreamPool;
  limits: SubscriptionLimits;
  stats: GatewayStats;
  logger: Logger;
  /** CORS for the upgrade: a browser's `Origin` must be allowed (gateway/cors.ts); refused with 403 otherwise. */
  allowsOrigin?: (origin: string | undefined) => boolean;
  /** Operation safelist (gateway/trusted-documents.ts): only these documents run. */
  trustedDocuments?: TrustedDocuments;
  rateLimits: CallerRateLimits;
  /** The error mapping Apollo Server applies over HTTP (platform/format-error.ts), applied here too. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const error = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });

/**
 * graphql-ws on the gateway's `/graphql`: subscriptions of any subgraph, planned by the query planner, the primary
 * fetch forwarded over graphql-ws with the caller's authorization, the rest of each event's plan executed like a
 * query. Queries and mutations sent over the socket are executed the same way.
 */
export function attachWebSocketGateway(server: http.Server, opts: WebSocketGatewayOptions): { dispose(): Promise<void> } {
  const { limits, stats } = opts;
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    // A message is capped like an HTTP body (the `ws` default would take 100 MiB).
    maxPayload: limits.maxBodyBytes,
    // CORS first (a browser's Origin must be allowed, gateway/cors.ts: 403 otherwise), then connection attempts per
    // address and minute: past the limit the upgrade is answered 429 with Retry-After.
    verifyClient: (info, done) => {
      if (opts.allowsOrigin && !opts.allowsOrigin(info.req.headers.origin)) return done(false, 403, 'Origin not allowed');
      opts.rateLimits.consume('connection', info.req.socket.remoteAddress ?? 'unknown').then(
        (limited) =>
          limited
            ? done(false, 429, 'Too many connection attempts', { 'Retry-After': String(limited.retryAfterSeconds) })
            : done(true),
        () => done(true),
      );
    },
  });
  const perUser = new Map<string, number>();
  const initDeadline = closeUninitialised(wss, limits.connectionInitWaitTimeoutMs);
  const live: LiveSubscriptions = {
    executor: opts.executor,
    upstream: opts.upstream,
    expiry: new TokenExpiry(),
    stats,
    logger: opts.logger,
    queueCapacity: limits.queueCapacity,
    resume: limits.resume,
  };
  const formatted = (e: GraphQLError) => opts.formatError(e instanceof GraphQLError ? e.toJSON() : e, e);

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      connectionInitWaitTimeout: 0, // initDeadline below: one timer for every socket
      onConnect: async (ctx) => {
        initDeadline.initialised(ctx.extra.socket);
        const given = ctx.connectionParams?.authorization;
        if (given !== undefined && given !== null && typeof given !== 'string') return false; // 4403 Forbidden
        const authorization = typeof given === 'string' ? given : undefined;
        let principal: Principal | null = null;
        if (authorization) {
          try {
            principal = await opts.tokens.verify(authorization);
          } catch {
            return false; // graphql-ws closes with 4403 Forbidden
          }
        }
        const userKey = callerKey(principal, ctx.extra.request.socket.remoteAddress);
        // graphql-ws keeps the upgrade request for the socket's life; its headers cost ~4 KiB a cabinet, and nothing
        // reads it after this point.
        (ctx.extra as { request?: http.IncomingMessage }).request = undefined;
        if (stats.downstreamConnections >= limits.connectionsTotal) {
          ctx.extra.socket.close(CloseCode.TooManyInitialisationRequests, 'The gateway is at its connection limit');
          return false;
        }
        if ((perUser.get(userKey) ?? 0) >= limits.connectionsPerUser) {
          ctx.extra.socket.close(CloseCode.TooManyInitialisationRequests, 'Too many connections for this user');
          return false;
        }
        perUser.set(userKey, (perUser.get(userKey) ?? 0) + 1);
        stats.downstreamConnections++;
        ctx.extra.state = { exp: principal?.exp, context: { authorization }, userKey };
        return true;
      },
      onClose: (ctx) => {
        const state = ctx.extra.state;
        if (!state) return;
        ctx.extra.state = undefined;
        stats.downstreamConnections--;
        const left = (perUser.get(state.userKey) ?? 1) - 1;
        if (left > 0) perUser.set(state.userKey, left);
        else perUser.delete(state.userKey);
      },
      onComplete: (ctx, id) => {
        const state = ctx.extra.state;
        if (state) releaseSubscription(state, id);
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = ctx.extra.state!;
        if (connection.exp && connection.exp * 1000 <= Date.now()) {
          return [error('The token has expired; reconnect with a fresh one', 'UNAUTHENTICATED')];
        }
        // The payload stays in graphql-ws's hands for the subscription's life: it keeps the shared copy.
        if (typeof payload.query === 'string') (payload as { query: string }).query = sharedText(payload.query);
        if (opts.trustedDocuments) {
          try {
            payload = { ...payload, query: opts.trustedDocuments.resolve(payload) };
          } catch (err) {
            return [err as GraphQLError];
          }
        }
        let planned: PlannedOperation;
        try {
          planned = opts.planner.plan(payload.query, payload.operationName);
        } catch (err) {
          if (err instanceof OperationErrors) return err.errors;
          return [error((err as Error).message, 'GRAPHQL_PARSE_FAILED')];
        }
        const badVariables = variableErrors(opts.planner.apiGraphQLSchema, planned, payload.variables ?? {});
        if (badVariables) return badVariables;
        if (planned.kind === 'mutation') {
          const mutations = rootFieldCount(planned.document, planned.operationContext.operation);
          const limited = await opts.rateLimits.consume('mutation', connection.userKey, mutations);
          if (limited) return [rateLimitedError(limited)];
        }
        if (planned.kind === 'subscription') {
          if (subscriptionCount(connection) >= limits.subscriptionsPerConnection) {
            return [error(`At most ${limits.subscriptionsPerConnection} subscriptions per connection`, 'TOO_MANY_SUBSCRIPTIONS')];
          }
          reserveSubscription(connection, id);
        }
        const state: OperationState = {
          planned,
          variables: payload.variables ?? {},
          context: connection.context,
          connection,
          trace: tracingEnabled() && payload.extensions?.traceparent ? contextFrom(payload.extensions) : undefined,
          pinStart: payload.extensions?.pinStart === true,
        };
        return {
          schema: opts.planner.apiGraphQLSchema,
          document: planned.document,
          variableValues: state.variables,
          operationName: payload.operationName ?? undefined,
          contextValue: state,
        } satisfies ExecutionArgs;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(formatted),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(formatted) } : undefined),
      execute: (args) => opts.executor.run(args.contextValue as OperationState),
      subscribe: (args) => subscribe(args.contextValue as OperationState),
    },
    wss,
    0, // keep-alive below: one timer for every socket
  );
  const keepAlive = keepClientsAlive(wss, limits.keepAliveMs);

  function subscribe(op: OperationState): AsyncIterableIterator<ExecutionResult> {
    const node = op.planned.queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error('Not a subscription plan');
    const primary = node.primary;
    const variables = Object.fromEntries((primary.variableUsages ?? []).map((v) => [v, op.variables[v]]));
    const upstreamOp = upstreamOperation(primary.operation, primary.operationName, variables, opts.planner.apiGraphQLSchema);
    return new LiveSubscription(live, op, primary.serviceName, upstreamOp, op.connection.exp).queue;
  }

  return {
    dispose: async () => {
      keepAlive.stop();
      initDeadline.stop();
      await disposable.dispose();
      live.expiry.dispose();
      await opts.upstream.dispose();
      wss.close();
    },
  };
}

export type { Context };
