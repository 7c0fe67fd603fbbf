import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerOptions, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { QueryPrecheck } from './limits-precheck';
import type { Logger } from './logger';
import { requestErrorAnswer } from './media-type';
import { sendMetrics } from './metrics';
import { contextFrom, inRequestSpan, inSpan, SpanKind } from './tracing';

/** Default cap of a request body (config: HTTP_MAX_BODY_BYTES). */
export const MAX_BODY_BYTES = 1_000_000;
/**
 * A body past the cap is read on (and thrown away) up to this many times the cap, so the client, still sending,
 * receives the 413 instead of a connection reset; past that the connection is cut.
 */
const DRAIN_FACTOR = 8;
/** Media types a POST to /graphql may carry (compared case-insensitively, parameters ignored). */
const GRAPHQL_POST_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);
/** The URL of a request for `/graphql` without a query string (read, never changed). */
const GRAPHQL_URL = Object.freeze(new URL('/graphql', 'http://localhost'));
/** Most operations one batched request may carry. */
const MAX_BATCH = 100;

/** An answer to `POST /graphql` given without Apollo Server. */
export interface HttpAnswer {
  status: number;
  headers: Iterable<[string, string]>;
  body: string;
}

/**
 * Answers a `POST /graphql` itself (the gateway's fast lane), or returns null to leave it to Apollo Server. Called
 * once the body's size, media type and JSON, CORS and the pre-check have passed, for one operation (not a batch).
 */
export type FastLane = (req: IncomingMessage, body: unknown) => Promise<HttpAnswer> | null;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;

export interface GraphQLServerOptions<C extends BaseContext> {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** Largest request body in bytes (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Checks an operation's text before Apollo Server does any work on it (size limits); an error is answered 400. */
  precheck?: QueryPrecheck;
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
  /** Made once Apollo Server has started: a lane that may answer `POST /graphql` without it. */
  fastLane?: (apollo: ApolloServer<C>) => FastLane;
  /** Runs first on every request (CORS); returns true when it answered the request itself. */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface RunningServer {
  name: string;
  port: number;
  /** `http://host:port/graphql` */
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/** An HTTP-level refusal, answered as a GraphQL-shaped error `{ errors: [{ message, extensions: { code } }] }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = HTTP_ERROR_CODES[status] ?? 'BAD_REQUEST',
  ) {
    super(message);
  }
}

const HTTP_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_SERVER_ERROR',
};

/**
 * Reads a request body of at most `maxBytes`. A larger one is refused with 413 once the client has finished sending
 * (the rest is read and dropped, up to DRAIN_FACTOR times the cap), so the client gets the answer, not a reset.
 */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new HttpError(413, `The request body is larger than ${maxBytes} bytes`);
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
      else if (chunks.length > 0) chunks.length = 0;
      if (size > maxBytes * DRAIN_FACTOR) {
        req.pause();
        reject(tooLarge());
      }
    });
    req.on('end', () => (size > maxBytes ? reject(tooLarge()) : resolve((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8'))));
    req.on('error', reject);
  });
}

/** The media type of a Content-Type header, lower-cased without parameters (`APPLICATION/JSON; charset=utf-8` → `application/json`). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
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

function graphQLRequestOf(req: IncomingMessage, url: URL, body: unknown): HTTPGraphQLRequest {
  const headers = toHeaderMap(req);
  // The media type was checked (parseBody), case-insensitively; Apollo Server compares it as written.
  if (req.method === 'POST') headers.set('content-type', 'application/json');
  return { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
}

function parseBody(req: IncomingMessage, text: string): unknown {
  if (req.method !== 'POST') return undefined;
  if (!GRAPHQL_POST_MEDIA_TYPES.has(mediaType(req.headers['content-type']))) {
    throw new HttpError(415, 'A POST to /graphql must have Content-Type: application/json');
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON');
  }
}

/** Apollo Server on a plain node HTTP server: `/graphql`, `/health`, extra routes, graceful shutdown. */
export async function startGraphQLServer<C extends BaseContext>(opts: GraphQLServerOptions<C>): Promise<RunningServer> {
  const httpServer = http.createServer();
  const maxBodyBytes = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  /** The operation text of a POST body or a GET query string, through `opts.precheck`. */
  const precheck = (body: unknown, url?: URL) => {
    const query = (body as { query?: unknown } | undefined)?.query ?? url?.searchParams.get('query');
    return typeof query === 'string' && opts.precheck ? opts.precheck(query) : null;
  };
  httpServer.keepAliveTimeout = 65_000;
  const attached = opts.attach?.(httpServer);
  const apollo = new ApolloServer<C>({
    ...opts.apollo,
    // scripts/start.ts owns SIGINT/SIGTERM; Apollo's own handlers would race it and stall the shutdown.
    stopOnTerminationSignals: false,
    plugins: [...(opts.apollo.plugins ?? []), ApolloServerPluginDrainHttpServer({ httpServer })],
  } as ApolloServerOptions<C>);
  await apollo.start();
  const fastLane = opts.fastLane?.(apollo);

  httpServer.on('request', (req, res) => {
    inRequestSpan(opts.name, req, res, () => handle(req, res)).catch((err) => {
      const known = err instanceof HttpError ? err : undefined;
      if (!known) opts.logger.error({ err }, 'request failed');
      if (res.headersSent) return void res.end();
      // After a refused body the connection is closed: what is left of it is not read.
      if (known?.status === 413) res.setHeader('connection', 'close');
      sendJson(res, known?.status ?? 500, {
        errors: [{ message: known?.message ?? 'Internal error', extensions: { code: known?.code ?? 'INTERNAL_SERVER_ERROR' } }],
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (opts.onRequest?.(req, res)) return;
    // Most requests are to exactly /graphql: parsing that URL again for each was a visible cost.
    const url = req.url === '/graphql' ? GRAPHQL_URL : new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/metrics' && req.method === 'GET') return sendMetrics(res);
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
    if (route) return route(req, res, await readBody(req, maxBodyBytes));
    if (url.pathname !== '/graphql') throw new HttpError(404, 'Not found');

    const body = parseBody(req, await readBody(req, maxBodyBytes));
    if (Array.isArray(body)) {
      if (!opts.acceptBatches) throw new HttpError(400, 'Batched requests are not accepted here: send one operation per request');
      return runBatch(req, res, graphQLRequestOf(req, url, body), body);
    }
    const refused = precheck(body, url);
    if (refused) {
      const answer = requestErrorAnswer(req.headers.accept);
      const text = JSON.stringify({ errors: [refused.toJSON()] });
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(text) });
      return void res.end(text);
    }
    const fast = req.method === 'POST' ? fastLane?.(req, body) : null;
    if (fast) return writeAnswer(res, await fast);
    const httpGraphQLRequest = graphQLRequestOf(req, url, body);
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => opts.context(req) });
    if (result.body.kind === 'complete') return writeAnswer(res, { status: result.status ?? 200, headers: result.headers, body: result.body.string });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  function writeAnswer(res: ServerResponse, answer: HttpAnswer): void {
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status;
    // A known length lets Node send headers and body in one write instead of chunked encoding.
    res.setHeader('content-length', Buffer.byteLength(answer.body));
    res.end(answer.body);
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
        const refused = precheck(operation);
        if (refused) return JSON.stringify({ errors: [refused.toJSON()] });
        // Each operation of a batch carries its caller's trace context (gateway/engine/subgraph-batcher.ts).
        const traced = (operation as { extensions?: { traceparent?: unknown } } | null)?.extensions;
        const result = await inSpan(
          'graphql operation',
          { parent: traced?.traceparent ? contextFrom(traced) : undefined, kind: SpanKind.SERVER, attributes: { 'shagym.service': opts.name } },
          () =>
            apollo.executeHTTPGraphQLRequest({
              httpGraphQLRequest: { ...request, body: operation },
              context: () => opts.context(req, operation),
            }),
        );
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
