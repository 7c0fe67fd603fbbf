import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { DataSource } from 'typeorm';

/**
 * OpenTelemetry traces, exported over OTLP/HTTP (JSON) when `OTEL_EXPORTER_OTLP_ENDPOINT` is set. When it is not,
 * no SDK is loaded or registered: every helper here checks one variable and calls straight through.
 *
 * Spans: each service's HTTP request (server span, the client's W3C `traceparent` honoured), the gateway engine's
 * request/plan/fetch spans, each subgraph fetch (one per operation; a batch's HTTP span links them), each
 * subgraph operation, SQL statements, outbox relay deliveries and status's event handling (the traceparent travels
 * inside the outbox event), and subscription events at the gateway.
 */
let tracer: Tracer | undefined;
let provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> } | undefined;

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

/** Registers the SDK once per process (the first call wins); does nothing without an endpoint. */
export function startTracing(telemetry: { otlpEndpoint?: string; serviceName?: string }, fallbackName = 'shagym'): void {
  if (tracer || !telemetry.otlpEndpoint) return;
  // Loaded only when tracing is on, so a process without it pays nothing for the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { Resource } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const url = `${telemetry.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
  const nodeProvider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': telemetry.serviceName ?? fallbackName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 500 })],
  });
  nodeProvider.register({ propagator: new W3CTraceContextPropagator() });
  provider = nodeProvider;
  tracer = trace.getTracer('shagym');
}

/** Sends what is buffered and unregisters the SDK (tests: the process goes on without tracing). */
export async function stopTracing(): Promise<void> {
  if (!provider) return;
  await provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
  provider = undefined;
  tracer = undefined;
}

/** Sends the spans still buffered (tests, shutdown). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** `trace_id`/`span_id` of the active span, for pino's `mixin` (empty when tracing is off). */
export function traceFields(): Record<string, string> {
  if (!tracer) return {};
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

const headerGetter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, unknown>, key: string) => carrier[key] as string | string[] | undefined,
};

/** The context a W3C `traceparent` (and `tracestate`) names; the root context when there is none. */
export function contextFrom(carrier: object | undefined): Context {
  if (!carrier || typeof (carrier as { traceparent?: unknown }).traceparent !== 'string') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier as Record<string, unknown>, headerGetter);
}

/** The W3C `traceparent` (and `tracestate`) of `ctx`, or of the active context; empty when tracing is off. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  if (!tracer) return {};
  const headers: Record<string, string> = {};
  propagation.inject(ctx, headers);
  return headers;
}

export function activeContext(): Context | undefined {
  return tracer ? context.active() : undefined;
}

export interface SpanOptions {
  parent?: Context;
  kind?: SpanKind;
  attributes?: Record<string, string | number | boolean | undefined>;
  links?: Link[];
}

/** Starts a span (undefined when tracing is off). End it with `endSpan`. */
export function startSpan(name: string, opts: SpanOptions = {}): Span | undefined {
  if (!tracer) return undefined;
  return tracer.startSpan(name, { kind: opts.kind, attributes: opts.attributes, links: opts.links }, opts.parent ?? context.active());
}

export function endSpan(span: Span | undefined, err?: unknown): void {
  if (!span) return;
  if (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
  }
  span.end();
}

/** Runs `work` inside a new active span, ended when it settles. Without tracing: `work()`. */
export function inSpan<T>(name: string, opts: SpanOptions, work: (span?: Span) => Promise<T>): Promise<T> {
  if (!tracer) return work();
  const span = startSpan(name, opts)!;
  return context.with(trace.setSpan(opts.parent ?? context.active(), span), () =>
    work(span).then(
      (value) => {
        span.end();
        return value;
      },
      (err) => {
        endSpan(span, err);
        throw err;
      },
    ),
  );
}

const KNOWN_PATHS = new Set(['/graphql', '/health', '/metrics', '/internal/events']);

/** A service's HTTP request as a server span, child of the client's `traceparent` when it sends one. */
export function inRequestSpan(service: string, req: IncomingMessage, res: ServerResponse, work: () => Promise<void>): Promise<void> {
  if (!tracer) return work();
  // Span names stay few: a path the server does not serve is named `other`.
  const asked = (req.url ?? '/').split('?')[0];
  const path = KNOWN_PATHS.has(asked) ? asked : 'other';
  return inSpan(
    `${req.method} ${path}`,
    {
      parent: contextFrom(req.headers),
      kind: SpanKind.SERVER,
      attributes: { 'shagym.service': service, 'http.request.method': req.method, 'url.path': path },
    },
    async (span) => {
      try {
        await work();
      } finally {
        span?.setAttribute('http.response.status_code', res.statusCode);
      }
    },
  );
}

/** SQL statements of `db` as client spans (only when tracing is on; patches its query runner class once). */
export function traceSql(db: DataSource, service: string): void {
  if (!tracer) return;
  const runner = db.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown>; __traced?: boolean };
  void runner.release();
  if (proto.__traced) return;
  proto.__traced = true;
  const query = proto.query;
  proto.query = function tracedQuery(this: { connection?: DataSource }, ...args: unknown[]) {
    // The class is shared by every DataSource of its driver: the statement's own connection names the database.
    if (!trace.getActiveSpan()) return query.apply(this, args); // SQL outside any request (polling) is not traced
    const sql = String(args[0]);
    const span = tracer!.startSpan(sql.split(/\s/, 1)[0].toUpperCase(), {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system': this.connection?.options.type ?? db.options.type,
        'db.namespace': String(this.connection?.options.database ?? service),
        'db.query.text': sql.slice(0, 500),
      },
    });
    return query.apply(this, args).then(
      (r) => {
        span.end();
        return r;
      },
      (err) => {
        endSpan(span, err);
        throw err;
      },
    );
  };
}

export { SpanKind };
