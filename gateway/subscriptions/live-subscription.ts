import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../../platform/logger';
import { inSpan, SpanKind } from '../../platform/tracing';
import type { ExecutionInput, PlanExecutor } from '../engine';
import { EventQueue, type EventQueueOptions } from './event-queue';
import type { GatewayStats } from './gateway-stats';
import type { UpstreamOperation } from './resumable-operation';
import type { Expiring, TokenExpiry } from './token-expiry';
import type { UpstreamPool } from './upstream-pool';
import { UpstreamSubscription, type ResumePolicy, type UpstreamHandlers } from './upstream-subscription';

/** What every live subscription of one gateway shares: held once, not once per cabinet. */
export interface LiveSubscriptions {
  executor: PlanExecutor;
  upstream: UpstreamPool;
  expiry: TokenExpiry;
  stats: GatewayStats;
  logger: Logger;
  queueCapacity: number;
  resume: ResumePolicy;
}

/** The operation a subscription runs each event's plan for, with the caller's trace and pinStart wish. */
export interface LiveOperation extends ExecutionInput {
  trace?: import('@opentelemetry/api').Context;
  pinStart?: boolean;
}

const RESOLVED = Promise.resolve();

const error = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });
const overflow = (): ExecutionResult => ({
  errors: [error('The client did not keep up; resubscribe with `after` set to the last cursor received', 'SUBSCRIPTION_OVERFLOW')],
});

/**
 * One client subscription: the upstream stream's handlers, the queue graphql-ws iterates, and the token expiry.
 * One object with methods instead of a closure per callback (seven of them, with their scope, cost ~1 KiB a cabinet).
 * Events run their plans one after another (`chain`), so they reach the client in the upstream's order.
 */
export class LiveSubscription implements UpstreamHandlers, EventQueueOptions, Expiring {
  readonly queue: EventQueue;
  private readonly upstream: UpstreamSubscription;
  private chain: Promise<unknown> = RESOLVED;
  private closed = false;

  constructor(
    private readonly shared: LiveSubscriptions,
    private readonly op: LiveOperation,
    serviceName: string,
    upstreamOp: UpstreamOperation,
    /** The token's `exp` (seconds), when it has one. */
    private readonly exp: number | undefined,
  ) {
    shared.stats.activeSubscriptions++;
    this.queue = new EventQueue(this);
    this.upstream = new UpstreamSubscription(shared.upstream, serviceName, op.context.authorization, upstreamOp, this, shared.resume, shared.stats);
    if (exp) shared.expiry.add(exp, this);
    this.upstream.start();
  }

  get capacity(): number {
    return this.shared.queueCapacity;
  }

  overflowResult(): ExecutionResult {
    return overflow();
  }

  /** The queue closed (client left, stream ended, overflow): stop the upstream, once. */
  onClose(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.exp) this.shared.expiry.delete(this.exp, this);
    this.upstream.close();
    this.shared.stats.activeSubscriptions--;
  }

  event(event: ExecutionResult): void {
    this.chain = this.chain
      .then(() =>
        inSpan('subscription event', { parent: this.op.trace, kind: SpanKind.CONSUMER, attributes: { 'shagym.service': 'gateway' } }, () =>
          this.shared.executor.runEvent(this.op, event),
        ),
      )
      .then((result) => this.queue.push(result))
      .catch((err) => this.shared.logger.error({ err }, 'subscription event failed'));
  }

  start(startCursor: string): void {
    if (this.op.pinStart) this.chain = this.chain.then(() => this.queue.push({ extensions: { startCursor } }));
  }

  fail(errors: GraphQLFormattedError[]): void {
    this.endWith(errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions })));
  }

  complete(): void {
    this.chain = this.chain.then(() => this.queue.end());
  }

  expire(): void {
    this.endWith([error('The token has expired; reconnect with a fresh one', 'UNAUTHENTICATED')]);
  }

  private endWith(errors: readonly GraphQLError[]): void {
    this.chain = this.chain.then(() => {
      this.queue.push({ errors });
      this.queue.end();
    });
  }
}
