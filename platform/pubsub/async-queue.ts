/**
 * A push-fed async iterator: `push` from callbacks, `for await` on the other side. `return()` (a client that
 * unsubscribes) ends it at once, even while a consumer is waiting, and runs `onClose` once.
 *
 * Hand-written on purpose: `@repeaterjs/repeater` (in the tree via type-graphql) starts its executor at the first
 * `next()`, while a stream pushes its replay before it hands the iterator out; Node's `events.on` yields argument
 * arrays and has no close hook.
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly waiting: ((r: IteratorResult<T>) => void)[] = [];
  private closed = false;

  constructor(private readonly onClose: () => Promise<void> | void = () => undefined) {}

  push(item: T): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next({ value: item, done: false });
    else this.items.push(item);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.items.length = 0;
      for (const w of this.waiting.splice(0)) w({ value: undefined, done: true });
      await this.onClose();
    }
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
