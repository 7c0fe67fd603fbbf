import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { GatewayStats } from './gateway-stats';
import type { UpstreamOperation } from './resumable-operation';
import type { UpstreamLease } from './upstream-pool';
import type { UpstreamSink } from './upstream-pool-socket';

export interface ResumePolicy {
  /** Resubscriptions in a row without an event in between, before giving up. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface UpstreamHandlers {
  event(result: ExecutionResult): void;
  /** Where the stream starts (the subgraph's `extensions.startCursor`), once, before any event. */
  start?(cursor: string): void;
  /** The stream cannot go on: errors to show the client, then the end. */
  fail(errors: GraphQLFormattedError[]): void;
  complete(): void;
}

/** Close codes after which resubscribing cannot help (graphql-ws: 4400 bad request, 4403 forbidden, 4409/4429…). */
const FINAL_CLOSE_CODES = new Set([4400, 4401, 4403, 4406, 4409, 4429, 4500]);

/**
 * One subscription to a subgraph. When the connection drops it resubscribes from the last delivered cursor with
 * bounded, backed-off retries, so the client sees every event once and in order.
 *
 * A resumable stream opened without `after` is pinned at its first subscribe: the gateway asks the subgraph
 * (`extensions.pinStart`) for the cursor the stream starts at and, until an event moves it, resumes from that
 * cursor; without it a restart of the subgraph before the first event would start again at "now" and skip the
 * marks committed in between.
 */
export class UpstreamSubscription {
  private current?: Attempt;
  private lastCursor: string | null;
  private attempts = 0;
  private startAnnounced = false;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    /** Where the subgraph's sockets are leased (shared, so a subscription holds no closure for it). */
    private readonly pool: { acquire(subgraph: string): UpstreamLease },
    private readonly serviceName: string,
    /** The end user's `Authorization`, sent with each subscribe. */
    private readonly authorization: string | undefined,
    private readonly op: UpstreamOperation,
    private readonly handlers: UpstreamHandlers,
    private readonly policy: ResumePolicy,
    /** @internal */
    readonly stats: GatewayStats,
  ) {
    this.lastCursor = op.initialAfter;
  }

  start(): void {
    if (this.closed) return;
    let lease: UpstreamLease;
    try {
      lease = this.pool.acquire(this.serviceName);
    } catch (err) {
      this.close();
      return this.handlers.fail([{ message: (err as Error).message, extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    }
    this.stats.upstreamSubscriptions++;
    const attempt = new Attempt(this, lease);
    this.current = attempt;
    attempt.unsubscribe = lease.client.subscribe(
      {
        query: this.op.query,
        operationName: this.op.operationName,
        variables: this.op.variables(this.lastCursor),
        extensions: {
          ...(this.authorization ? { authorization: this.authorization } : {}),
          ...(this.op.resumable ? { pinStart: true } : {}),
        },
      },
      attempt,
    );
  }

  /** @internal An event of the current attempt. */
  onNext(attempt: Attempt, result: ExecutionResult): void {
    if (this.closed) return;
    const startCursor = result.data == null && !result.errors ? (result.extensions as { startCursor?: unknown } | undefined)?.startCursor : undefined;
    if (typeof startCursor === 'string') {
      this.lastCursor ??= startCursor;
      if (!this.startAnnounced) {
        this.startAnnounced = true;
        this.handlers.start?.(this.lastCursor);
      }
      return;
    }
    if (result.data == null && result.errors?.length && result.errors.every((e) => e.extensions?.retryable === true)) {
      // The subgraph could not open the stream for now (its database is away): resume after its `complete`.
      attempt.transient = result.errors as unknown as GraphQLFormattedError[];
      return;
    }
    const cursor = this.op.cursorOf(result.data as Record<string, any>);
    if (cursor) this.lastCursor = cursor;
    this.attempts = 0;
    this.handlers.event(result);
  }

  /** @internal */
  onError(attempt: Attempt, err: unknown): void {
    if (!attempt.finish() || this.closed) return;
    this.retryOrFail(err);
  }

  /** @internal */
  onComplete(attempt: Attempt): void {
    if (!attempt.finish() || this.closed) return;
    if (attempt.transient) return this.retryOrFail(attempt.transient);
    this.close();
    this.handlers.complete();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.current?.end();
  }

  private retryOrFail(err: unknown): void {
    const transient = Array.isArray(err) && err.length > 0 && err.every((e: GraphQLFormattedError) => e.extensions?.retryable === true);
    if (Array.isArray(err) && !transient) {
      // The subgraph refused the operation (validation, authorisation): final.
      this.close();
      return this.handlers.fail(err as GraphQLFormattedError[]);
    }
    const code = (err as { code?: number }).code;
    if (code !== undefined && FINAL_CLOSE_CODES.has(code)) {
      this.close();
      const reason = (err as { reason?: string }).reason || 'refused';
      const gqlCode = code === 4403 || code === 4401 ? 'UNAUTHENTICATED' : 'SERVICE_UNAVAILABLE';
      return this.handlers.fail([{ message: `The subgraph closed the subscription: ${reason}`, extensions: { code: gqlCode } }]);
    }
    if (!this.op.resumable || this.attempts >= this.policy.maxAttempts) {
      this.close();
      return this.handlers.fail([
        {
          message: this.op.resumable
            ? `The subscription was interrupted and could not be resumed after ${this.attempts} attempts; resubscribe with after: ${JSON.stringify(this.lastCursor)}`
            : 'The subscription was interrupted',
          extensions: { code: 'SERVICE_UNAVAILABLE', lastCursor: this.lastCursor },
        },
      ]);
    }
    const delay = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** this.attempts);
    this.attempts++;
    this.stats.resumes++;
    this.timer = setTimeout(() => this.start(), delay);
  }
}

/** One subscribe on one leased socket: the sink the socket calls, ended once (by the socket or by close()). */
class Attempt implements UpstreamSink {
  private active = true;
  /** Retryable errors the subgraph sent before completing: resume instead of ending. */
  transient?: GraphQLFormattedError[];
  unsubscribe: () => void = () => undefined;

  constructor(
    private readonly owner: UpstreamSubscription,
    private readonly lease: UpstreamLease,
  ) {}

  next(result: ExecutionResult): void {
    this.owner.onNext(this, result);
  }

  error(err: unknown): void {
    this.owner.onError(this, err);
  }

  complete(): void {
    this.owner.onComplete(this);
  }

  /** Stops listening and gives the lease back; false when already ended. */
  finish(): boolean {
    if (!this.active) return false;
    this.active = false;
    this.owner.stats.upstreamSubscriptions--;
    this.lease.release();
    return true;
  }

  /** The client left: tell the subgraph, then finish. */
  end(): void {
    if (!this.active) return;
    this.unsubscribe();
    this.finish();
  }
}
