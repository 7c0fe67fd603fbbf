import WebSocket from 'ws';
import type { TestSystem } from '../support/harness';

/** What a hostile case got back: the HTTP status (or WebSocket close code) and the first error's code. */
export interface Answer {
  status: number;
  code?: string;
  message?: string;
  extensions?: Record<string, any>;
  headers?: Headers;
}

export async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers, body });
  const json = (await res.json().catch(() => ({}))) as { errors?: { message: string; extensions?: Record<string, any> }[] };
  const first = json.errors?.[0];
  return { status: res.status, code: first?.extensions?.code, message: first?.message, extensions: first?.extensions, headers: res.headers };
}

export const postOperation = (url: string, query: string, variables: Record<string, unknown> = {}, token?: string, operationName?: string) =>
  post(
    url,
    JSON.stringify({ query, variables, operationName }),
    // The modern GraphQL-over-HTTP media type: request errors are 400 (with application/json they are 200).
    { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  );

/** A raw graphql-transport-ws connection: `init` is the connection_init payload as sent (any shape). */
export function rawSocket(httpUrl: string, init: unknown) {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: any[] = [];
  const waiters: (() => void)[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: init }));
      resolve();
    });
    socket.on('error', reject);
  });
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  let nextId = 0;
  return {
    socket,
    opened,
    closed,
    /** Sends one operation; resolves with its first `next`/`error` message (or rejects when the socket closes). */
    async operation(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<Answer> {
      await opened;
      while (!messages.some((m) => m.type === 'connection_ack')) {
        if (socket.readyState === WebSocket.CLOSED) throw new Error(`closed: ${JSON.stringify(await closed)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      const id = String(++nextId);
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables, operationName } }));
      for (;;) {
        const found = messages.find((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
        if (found) {
          const first = found.type === 'error' ? found.payload[0] : found.payload.errors?.[0];
          return { status: found.type === 'error' ? 400 : 200, code: first?.extensions?.code, message: first?.message, extensions: first?.extensions };
        }
        if (socket.readyState === WebSocket.CLOSED) throw new Error(`closed: ${JSON.stringify(await closed)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => socket.close(),
  };
}

/** The system still answers, and nothing was filed. */
export async function complaintCount(t: TestSystem, adminToken: string): Promise<number> {
  const r = await t.query(`{ complaints(first: 1) { totalCount } }`, {}, adminToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.complaints.totalCount;
}

export async function healthStatus(t: TestSystem): Promise<number> {
  return (await fetch(t.url.replace(/\/graphql$/, '/health'))).status;
}
