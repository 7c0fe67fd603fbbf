import { ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { isMutation, postJson, type JsonResponse } from '../../platform/json-post';
import { subgraphBatchSize, subgraphFetchDuration } from '../../platform/metrics';
import { activeContext, endSpan, SpanKind, startSpan, traceHeaders, tracingEnabled } from '../../platform/tracing';
import { KeepAliveJsonClient } from './keep-alive-json-client';

interface Waiting {
  operation: Record<string, unknown>;
  authorization: string | undefined;
  resolve: (res: JsonResponse<unknown>) => void;
  reject: (err: unknown) => void;
  /** The caller's trace context (tracing on only). */
  trace?: Context;
}

/** A batch never carries more operations than this (the subgraphs accept up to 100). */
const MAX_BATCH = 50;

/**
 * Fetches to one subgraph issued in the same turn of the event loop (a plan's parallel fetches, and under load the
 * fetches of many concurrent requests) go out as one HTTP request carrying an array of operations. A lone fetch goes
 * as it is, with its caller's Authorization. A batch goes with the gateway's own `service` token, each operation
 * naming its caller in `extensions.authorization`; the subgraph runs each with a context of its own for that caller
 * (platform/http-server.ts, `operationCaller`).
 */
export class SubgraphBatcher {
  private waiting: Waiting[] = [];
  private readonly host: string;
  /** Parsed once: postJson would parse a string URL on every request. */
  private readonly target: URL;
  /** For `http:` subgraphs (all of them but behind TLS), a leaner client than node:http's. */
  private readonly client?: KeepAliveJsonClient;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly serviceToken: () => Promise<string>,
  ) {
    this.target = new URL(url);
    this.host = this.target.host;
    if (this.target.protocol === 'http:') this.client = new KeepAliveJsonClient(this.target);
  }

  send(operation: Record<string, unknown>, authorization: string | undefined): Promise<JsonResponse<unknown>> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => this.flush());
      this.waiting.push({ operation, authorization, resolve, reject, trace: activeContext() });
    });
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) {
      const batch = all.slice(i, i + MAX_BATCH);
      subgraphBatchSize.observe({ subgraph: this.host }, batch.length);
      if (batch.length === 1) this.sendOne(batch[0]);
      else this.sendBatch(batch).catch((err) => batch.forEach((w) => w.reject(err)));
    }
  }

  private sendOne(w: Waiting): void {
    const span = this.operationSpan(w);
    const headers: Record<string, string> = { ...(w.authorization ? { authorization: w.authorization } : {}), ...(span ? traceHeaders(span.context) : {}) };
    const idempotent = !isMutation(w.operation.query);
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.host });
    this.post(w.operation, headers, idempotent).then(
      (res) => {
        timer();
        endSpan(span?.span);
        w.resolve(res);
      },
      (err) => {
        timer();
        endSpan(span?.span, err);
        w.reject(err);
      },
    );
  }

  private post(payload: unknown, headers: Record<string, string>, idempotent: boolean): Promise<JsonResponse<unknown>> {
    if (!this.client) return postJson(this.target, payload, headers, { timeoutMs: this.timeoutMs, idempotent });
    // As postJson: the active trace context travels too (explicit headers win).
    const traced = tracingEnabled() ? { ...traceHeaders(), ...headers } : headers;
    return this.client.post(JSON.stringify(payload), traced, this.timeoutMs, idempotent);
  }

  /** A client span for one operation, child of its caller's context; undefined when tracing is off. */
  private operationSpan(w: Waiting) {
    if (!w.trace) return undefined;
    const span = startSpan(`subgraph fetch ${this.host}`, {
      parent: w.trace,
      kind: SpanKind.CLIENT,
      attributes: { 'server.address': this.host, 'graphql.operation.name': w.operation.operationName as string | undefined },
    });
    return span && { span, context: trace.setSpan(w.trace, span) };
  }

  private async sendBatch(batch: Waiting[]): Promise<void> {
    // Traced: one span per operation (its trace context travels in its extensions), and the batch's HTTP exchange
    // as a span of its own linked to each of them.
    const spans = batch.map((w) => this.operationSpan(w));
    const operations = batch.map((w, i) => ({
      ...w.operation,
      extensions: {
        ...(w.operation.extensions as object | undefined),
        ...(w.authorization ? { authorization: w.authorization } : {}),
        ...(spans[i] ? traceHeaders(spans[i].context) : {}),
      },
    }));
    const links = spans.flatMap((s) => (s ? [{ context: s.span.spanContext() }] : []));
    const batchSpan = links.length > 0 ? startSpan(`subgraph batch ${this.host}`, { kind: SpanKind.CLIENT, links, attributes: { 'shagym.batch.size': batch.length } }) : undefined;
    const idempotent = batch.every((w) => !isMutation(w.operation.query));
    const headers = { authorization: `Bearer ${await this.serviceToken()}`, ...(batchSpan ? traceHeaders(trace.setSpan(ROOT_CONTEXT, batchSpan)) : {}) };
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.host });
    let res: JsonResponse<unknown>;
    try {
      res = await this.post(operations, headers, idempotent);
    } catch (err) {
      endSpan(batchSpan, err);
      spans.forEach((s) => endSpan(s?.span, err));
      throw err;
    } finally {
      timer();
    }
    endSpan(batchSpan);
    spans.forEach((s) => endSpan(s?.span));
    const answers = res.body;
    if (Array.isArray(answers) && answers.length === batch.length) {
      batch.forEach((w, i) => w.resolve({ ...res, body: answers[i] }));
    } else if (res.status < 200 || res.status > 299) {
      batch.forEach((w) => w.resolve(res)); // refused as a whole: each operation reports the refusal
    } else {
      throw new Error(`${this.url} answered a batch of ${batch.length} operations with something else`);
    }
  }
}
