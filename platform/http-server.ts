import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerOptions, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Logger } from './logger';

const MAX_BODY_BYTES = 1_000_000;
/** Most operations one batched request may carry. */
const MAX_BATCH = 100;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;

export interface GraphQLServerOptions<C extends BaseContext> {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  apollo: ApolloServerOptions<C>;
  /** Serve batched requests (a JSON array of operations); `operation` is then set for each one's context. */
  acceptBatches?: boolean;
  /** `operation`: set for each operation of a batched request (each gets a context of its own). */
  context: (req: IncomingMessage, operation?: unknown) => Promise<C>;
  /** Named checks; `/health` answers 200 only when every one is true. */
  health: () => Promise<Record<string, boolean>>;
  /** Dependencies whose loss degrades but does not stop the service (Redis): reported, never a 503. */
  softHealth?: () => Record<string, boolean>;
  /** Extra routes, e.g. `POST /internal/events`. */
  routes?: Record<string, RouteHandler>;
  /** Attaches more to the HTTP server (WebSockets); its dispose runs first on stop. */
  attach?: (server: http.Server) => { dispose(): Promise<void> };
}

export interface RunningServer {
  name: string;
  port: number;
  /** `http://host:port/graphql` */
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request body is too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function parseBody(req: IncomingMessage, text: string): unknown {
  if (req.method !== 'POST' || text === '') return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json') && !type.includes('application/graphql-response+json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON');
  }
}

/** Apollo Server on a plain node HTTP server: `/graphql`, `/health`, extra routes, graceful shutdown. */
export async function startGraphQLServer<C extends BaseContext>(opts: GraphQLServerOptions<C>): Promise<RunningServer> {
  const httpServer = http.createServer();
  httpServer.keepAliveTimeout = 65_000;
  const attached = opts.attach?.(httpServer);
  const apollo = new ApolloServer<C>({
    ...opts.apollo,
    // scripts/start.ts owns SIGINT/SIGTERM; Apollo's own handlers would race it and stall the shutdown.
    stopOnTerminationSignals: false,
    plugins: [...(opts.apollo.plugins ?? []), ApolloServerPluginDrainHttpServer({ httpServer })],
  } as ApolloServerOptions<C>);
  await apollo.start();

  httpServer.on('request', (req, res) => {
    handle(req, res).catch((err) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) opts.logger.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, status, { error: status === 500 ? 'Internal error' : err.message });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const checks = await opts.health();
      const ok = Object.values(checks).every(Boolean);
      const soft = opts.softHealth?.() ?? {};
      // e.g. `dependencies: { database: "down", redis: "up" }`: what an operator (or a load balancer) needs to know.
      const dependencies = Object.fromEntries(Object.entries({ ...checks, ...soft }).map(([k, up]) => [k, up ? 'up' : 'down']));
      const degraded = ok && !Object.values(soft).every(Boolean);
      return sendJson(res, ok ? 200 : 503, {
        status: ok ? (degraded ? 'degraded' : 'ok') : 'unavailable',
        service: opts.name,
        checks,
        dependencies,
      });
    }
    const route = opts.routes?.[`${req.method} ${url.pathname}`];
    if (route) return route(req, res, await readBody(req));
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found' });

    const body = parseBody(req, await readBody(req));
    const httpGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers: toHeaderMap(req), search: url.search, body };
    if (Array.isArray(body)) {
      if (!opts.acceptBatches) throw new HttpError(400, 'Batched requests are not accepted here: send one operation per request');
      return runBatch(req, res, httpGraphQLRequest, body);
    }
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => opts.context(req) });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      // A known length lets Node send headers and body in one write instead of chunked encoding.
      res.setHeader('content-length', Buffer.byteLength(result.body.string));
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /**
   * A batched request (a JSON array of operations, as the gateway sends): each operation runs with a context of its
   * own, so each can act for a different user (see `operationCaller`); the answer is the array of their answers.
   */
  async function runBatch(req: IncomingMessage, res: ServerResponse, request: HTTPGraphQLRequest, operations: unknown[]) {
    if (operations.length === 0 || operations.length > MAX_BATCH) {
      throw new HttpError(400, `A batch carries 1 to ${MAX_BATCH} operations`);
    }
    const answers = await Promise.all(
      operations.map(async (operation) => {
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { ...request, body: operation },
          context: () => opts.context(req, operation),
        });
        return result.body.kind === 'complete' ? result.body.string : '{"errors":[{"message":"incremental delivery is not served in a batch"}]}';
      }),
    );
    const text = `[${answers.join(',')}]`;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  opts.logger.info({ port }, `${opts.name} listening`);

  let stopping: Promise<void> | undefined;
  return {
    name: opts.name,
    port,
    url: `http://${host}:${port}/graphql`,
    httpServer,
    stop: () =>
      (stopping ??= (async () => {
        await attached?.dispose();
        await apollo.stop();
        httpServer.closeAllConnections();
      })()),
  };
}
