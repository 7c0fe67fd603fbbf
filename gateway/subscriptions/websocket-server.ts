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
import { EventQueue } from './event-queue';
import type { GatewayStats } from './gateway-stats';
import { upstreamOperation } from './resumable-operation';
import type { UpstreamPool } from './upstream-pool';
import { UpstreamSubscription, type ResumePolicy } from './upstream-subscription';

/** The WebSocket limits of the configuration, and how upstream streams are resumed. */
export type SubscriptionLimits = Config['limits'] & { resume: ResumePolicy };

interface ConnectionState {
  principal: Principal | null;
  authorization?: string;
  userKey: string;
  /** Ids of this connection's subscriptions, reserved when they are accepted. */
  subscriptionIds: Set<string>;
}

interface OperationState {
  planned: PlannedOperation;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
  context: GatewayContext;
  connection: ConnectionState;
  /** The client's trace context (`extensions.traceparent` of the subscribe message), when tracing is on. */
  trace?: import('@opentelemetry/api').Context;
  /** The client asked to be told where its stream starts (`extensions.pinStart`). */
  pinStart?: boolean;
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
  const formatted = (e: GraphQLError) => opts.formatError(e instanceof GraphQLError ? e.toJSON() : e, e);

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      connectionInitWaitTimeout: limits.connectionInitWaitTimeoutMs,
      onConnect: async (ctx) => {
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
        ctx.extra.state = {
          principal,
          authorization,
          userKey,
          subscriptionIds: new Set(),
        };
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
        ctx.extra.state?.subscriptionIds.delete(id);
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = ctx.extra.state!;
        if (connection.principal?.exp && connection.principal.exp * 1000 <= Date.now()) {
          return [error('The token has expired; reconnect with a fresh one', 'UNAUTHENTICATED')];
        }
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
          if (connection.subscriptionIds.size >= limits.subscriptionsPerConnection) {
            return [error(`At most ${limits.subscriptionsPerConnection} subscriptions per connection`, 'TOO_MANY_SUBSCRIPTIONS')];
          }
          connection.subscriptionIds.add(id);
        }
        const state: OperationState = {
          planned,
          query: payload.query,
          variables: payload.variables ?? {},
          operationName: payload.operationName,
          context: { authorization: connection.authorization },
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
    limits.keepAliveMs,
  );

  function subscribe(op: OperationState): AsyncIterableIterator<ExecutionResult> {
    const node = op.planned.queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error('Not a subscription plan');
    const primary = node.primary;
    const variables = Object.fromEntries((primary.variableUsages ?? []).map((v) => [v, op.variables[v]]));
    const upstreamOp = upstreamOperation(primary.operation, primary.operationName, variables, opts.planner.apiGraphQLSchema);

    stats.activeSubscriptions++;
    let closed = false;
    let expiry: NodeJS.Timeout | undefined;
    let chain = Promise.resolve();
    const queue: EventQueue = new EventQueue({
      capacity: limits.queueCapacity,
      overflowResult: () => ({
        errors: [
          error('The client did not keep up; resubscribe with `after` set to the last cursor received', 'SUBSCRIPTION_OVERFLOW'),
        ],
      }),
      onClose: () => {
        if (closed) return;
        closed = true;
        clearTimeout(expiry);
        upstream.close();
        stats.activeSubscriptions--;
      },
    });
    const upstream = new UpstreamSubscription(
      () => opts.upstream.acquire(primary.serviceName),
      op.connection.authorization,
      upstreamOp,
      {
        event: (event) => {
          chain = chain
            .then(() => inSpan('subscription event', { parent: op.trace, kind: SpanKind.CONSUMER, attributes: { 'shagym.service': 'gateway' } }, () => opts.executor.runEvent(op, event)))
            .then((result) => queue.push(result))
            .catch((err) => opts.logger.error({ err }, 'subscription event failed'));
        },
        start: (startCursor) => {
          if (op.pinStart) chain = chain.then(() => queue.push({ extensions: { startCursor } }));
        },
        fail: (errors) => {
          chain = chain.then(() => {
            queue.push({ errors: errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions })) });
            queue.end();
          });
        },
        complete: () => {
          chain = chain.then(() => queue.end());
        },
      },
      limits.resume,
      stats,
    );
    const exp = op.connection.principal?.exp;
    const MAX_TIMER_MS = 2 ** 31 - 1;
    if (exp && exp * 1000 - Date.now() < MAX_TIMER_MS) {
      expiry = setTimeout(
        () => {
          chain = chain.then(() => {
            queue.push({ errors: [error('The token has expired; reconnect with a fresh one', 'UNAUTHENTICATED')] });
            queue.end();
          });
        },
        Math.max(0, exp * 1000 - Date.now()),
      );
      expiry.unref();
    }
    upstream.start();
    return queue;
  }

  return {
    dispose: async () => {
      await disposable.dispose();
      await opts.upstream.dispose();
      wss.close();
    },
  };
}

export type { Context };
