import http from 'node:http';
import https from 'node:https';
import { traceHeaders, tracingEnabled } from './tracing';

export interface JsonResponse<T> {
  status: number;
  body: T;
}

/**
 * Keep-alive connections shared by every call between our services. A plain node:http request costs a fraction
 * of the CPU of the built-in (web streams) fetch, and on this kind of VM every socket write is expensive, so the
 * body goes out with its headers in one write (Content-Length, no chunking).
 */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 256, scheduling: 'lifo' as const, timeout: 30_000 };
const agents = { 'http:': new http.Agent(AGENT_OPTIONS), 'https:': new https.Agent(AGENT_OPTIONS) };

/**
 * A pooled socket that failed as we reused it: most likely the server closed it while idle and never saw the
 * request, but a server that crashed mid-request fails the same way.
 */
function closedWhileIdle(req: http.ClientRequest, err: NodeJS.ErrnoException): boolean {
  return req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
}

export interface PostOptions {
  timeoutMs?: number;
  /**
   * Resend once when a reused keep-alive socket fails. Only for requests that are safe to repeat (queries, events
   * the receiver deduplicates): a mutation the server did run before failing must not run twice.
   */
  idempotent?: boolean;
}

/** Whether a GraphQL document is a mutation (its first operation keyword), so not safe to send twice. */
export function isMutation(query: unknown): boolean {
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}

/** POSTs `payload` as JSON and parses the JSON answer; rejects on network errors, timeouts and non-JSON answers. */
export function postJson<T>(
  url: string | URL,
  payload: unknown,
  headers: Record<string, string> = {},
  { timeoutMs = 5000, idempotent = false }: PostOptions = {},
): Promise<JsonResponse<T>> {
  const target = typeof url === 'string' ? new URL(url) : url;
  // Service-to-service calls carry the caller's trace context (nothing when tracing is off); explicit headers win.
  const traced = tracingEnabled() ? { ...traceHeaders(), ...headers } : headers;
  return send<T>(target, JSON.stringify(payload), traced, timeoutMs, idempotent);
}

function send<T>(
  target: URL,
  /** A string, so Node writes it together with the headers in one write. */
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  mayResend: boolean,
): Promise<JsonResponse<T>> {
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'POST',
        agent: agents[target.protocol as 'http:' | 'https:'],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T });
          } catch {
            reject(new Error(`${target.host} answered ${res.statusCode} with a body that is not JSON`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (mayResend && closedWhileIdle(req, err)) send<T>(target, body, headers, timeoutMs, false).then(resolve, reject);
      else reject(err);
    });
    req.end(body);
  });
}
