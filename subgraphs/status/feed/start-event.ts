import type { ExecutionResult } from 'graphql';

/**
 * The stream `rest` with `first` sent before its first event. Ending it (`return()`) ends `rest` too, so a
 * client that unsubscribes releases the subscription underneath at once.
 */
export function withStartEvent<T extends ExecutionResult>(
  first: ExecutionResult,
  rest: AsyncIterable<T> | AsyncIterableIterator<T>,
): AsyncIterableIterator<ExecutionResult> {
  const inner = (rest as AsyncIterableIterator<T>).next ? (rest as AsyncIterableIterator<T>) : rest[Symbol.asyncIterator]();
  let sent = false;
  const it: AsyncIterableIterator<ExecutionResult> = {
    next: () => {
      if (sent) return inner.next() as Promise<IteratorResult<ExecutionResult>>;
      sent = true;
      return Promise.resolve({ value: first, done: false });
    },
    return: async () => {
      await (inner as AsyncIterator<T>).return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
