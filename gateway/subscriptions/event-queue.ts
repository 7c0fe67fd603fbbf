import type { ExecutionResult } from 'graphql';
import { subscriptionEvents } from '../../platform/metrics';

const DELIVERED = { result: 'delivered' };
const DROPPED = { result: 'dropped' };

export interface EventQueueOptions {
  /** Results waiting for a slow client; past this the subscription ends with `overflowResult`. */
  capacity: number;
  overflowResult: () => ExecutionResult;
  /** Runs when the consumer leaves or the stream ends (closes the upstream); must be idempotent. */
  onClose: () => void;
}

/**
 * A bounded push queue exposed as an async iterator. Unlike an async generator, `return()` resolves at once
 * (the client has left), without waiting for the next event.
 *
 * Hand-written on purpose: the one push-iterator package in the tree, `@repeaterjs/repeater` (via type-graphql),
 * cannot replace a backlog with the SUBSCRIPTION_OVERFLOW result (its buffers either hold the pusher or drop
 * values silently) and allocates several promises per event, where this costs one object per subscription.
 */
export class EventQueue implements AsyncIterableIterator<ExecutionResult> {
  private readonly items: ExecutionResult[] = [];
  private waiting?: (r: IteratorResult<ExecutionResult>) => void;
  private done = false;
  private endAfterDrain = false;

  constructor(private readonly opts: EventQueueOptions) {}

  push(result: ExecutionResult): void {
    if (this.done || this.endAfterDrain) return;
    if (this.waiting) {
      subscriptionEvents.inc(DELIVERED);
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: result, done: false });
      return;
    }
    if (this.items.length >= this.opts.capacity) {
      subscriptionEvents.inc(DROPPED, this.items.length + 1);
      this.items.length = 0;
      this.items.push(this.opts.overflowResult());
      this.end();
      return;
    }
    subscriptionEvents.inc(DELIVERED);
    this.items.push(result);
  }

  /** Delivers what is queued, then finishes. */
  end(): void {
    if (this.done) return;
    this.endAfterDrain = true;
    this.opts.onClose();
    if (this.items.length === 0) this.finish();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const item = this.items.shift();
    if (item) {
      if (this.items.length === 0 && this.endAfterDrain) this.done = true;
      return Promise.resolve({ value: item, done: false });
    }
    if (this.done || this.endAfterDrain) {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.items.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  private finish(): void {
    this.done = true;
    this.opts.onClose();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ value: undefined, done: true });
  }
}
