import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client to a `http://…/graphql` URL (the same URL serves WebSocket). */
export function wsClient(httpUrl: string, token?: string, options: { lazy?: boolean } = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: options.lazy ?? true,
    retryAttempts: 0,
    onNonLazyError: () => undefined, // tests observe closes through on('closed')
  });
}

/** Collects a subscription's results; `next(n)` waits for the n-th, `close()` unsubscribes. */
export function collect<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  extensions?: Record<string, unknown>,
) {
  const results: FormattedExecutionResult<T, unknown>[] = [];
  let error: unknown;
  let completed = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const unsubscribe = client.subscribe<T>(
    { query, variables, ...(extensions ? { extensions } : {}) },
    {
      next: (r) => {
        results.push(r);
        wake();
      },
      error: (e) => {
        error = e;
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  const until = async (predicate: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(results)} error=${JSON.stringify(error)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return {
    results,
    get error() {
      return error;
    },
    get completed() {
      return completed;
    },
    /** Waits until at least `n` results arrived. */
    next: async (n: number, timeoutMs = 10_000) => {
      await until(() => results.length >= n || error !== undefined || completed, timeoutMs, `${n} results`);
      return results;
    },
    /** Waits until the subscription ended (completed or errored). */
    ended: (timeoutMs = 10_000) => until(() => completed || error !== undefined, timeoutMs, 'the end'),
    close: unsubscribe,
  };
}
