import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { GatewayStats } from './gateway-stats';
import type { UpstreamOperation } from './resumable-operation';
import type { UpstreamLease } from './upstream-pool';

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
  private unsubscribe?: () => void;
  private finishCurrent?: () => boolean;
  private lastCursor: string | null;
  private attempts = 0;
  private startAnnounced = false;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly acquire: () => UpstreamLease,
    /** The end user's `Authorization`, sent with each subscribe. */
    private readonly authorization: string | undefined,
    private readonly op: UpstreamOperation,
    private readonly handlers: UpstreamHandlers,
    private readonly policy: ResumePolicy,
    private readonly stats: GatewayStats,
  ) {
    this.lastCursor = op.initialAfter;
  }

  start(): void {
    if (this.closed) return;
    let lease: UpstreamLease;
    try {
      lease = this.acquire();
    } catch (err) {
      this.close();
      return this.handlers.fail([{ message: (err as Error).message, extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    }
    let active = true;
    this.stats.upstreamSubscriptions++;
    const finish = () => {
      if (!active) return false;
      active = false;
      this.stats.upstreamSubscriptions--;
      lease.release();
      return true;
    };
    this.finishCurrent = finish;
    let transient: GraphQLFormattedError[] | undefined;
    const unsubscribe = lease.client.subscribe<Record<string, unknown>>(
      {
        query: this.op.query,
        operationName: this.op.operationName,
        variables: this.op.variables(this.lastCursor),
        extensions: {
          ...(this.authorization ? { authorization: this.authorization } : {}),
          ...(this.op.resumable ? { pinStart: true } : {}),
        },
      },
      {
        next: (result) => {
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
            transient = result.errors as GraphQLFormattedError[];
            return;
          }
          const cursor = this.op.cursorOf(result.data as Record<string, any>);
          if (cursor) this.lastCursor = cursor;
          this.attempts = 0;
          this.handlers.event(result as ExecutionResult);
        },
        error: (err) => {
          if (!finish() || this.closed) return;
          this.onError(err);
        },
        complete: () => {
          if (!finish() || this.closed) return;
          if (transient) return this.onError(transient);
          this.close();
          this.handlers.complete();
        },
      },
    );
    this.unsubscribe = () => {
      unsubscribe();
      finish();
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.finishCurrent?.();
  }

  private onError(err: unknown): void {
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
