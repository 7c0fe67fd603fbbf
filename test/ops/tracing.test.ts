import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { flushTracing, inSpan, startTracing, stopTracing, traceFields } from '../../platform/tracing';
import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { wsClient } from '../support/ws-client';

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
  links: { traceId: string; spanId: string }[];
}

/** A tiny OTLP/HTTP receiver (JSON encoding, as @opentelemetry/exporter-trace-otlp-http sends) on loopback. */
async function otlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const rs of body.resourceSpans ?? []) {
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? []) {
              spans.push({
                traceId: s.traceId,
                spanId: s.spanId,
                parentSpanId: s.parentSpanId || undefined,
                name: s.name,
                attributes: Object.fromEntries((s.attributes ?? []).map((a: any) => [a.key, Object.values(a.value ?? {})[0]])),
                links: s.links ?? [],
              });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { spans, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

describe('OpenTelemetry traces', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let t: TestSystem;
  let providerId: string;
  beforeAll(async () => {
    receiver = await otlpReceiver();
    startTracing({ otlpEndpoint: receiver.url, serviceName: 'shagym-test' });
    t = await startTestSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    providerId = (await createProvider(t.system.subgraphs.directory.db)).provider.id;
  });
  afterAll(async () => {
    await t?.stop();
    await stopTracing();
    await receiver?.close();
  });

  it("makes one filing one trace across gateway, intake, directory, the relay and status, under the client's traceparent", async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpan = randomBytes(8).toString('hex');
    const token = await t.token('citizen', { iin: validIin() });
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${clientSpan}-01` },
      body: JSON.stringify({
        query: 'mutation File($input: FileComplaintInput!) { fileComplaint(input: $input) { id number handler { id surname } } }',
        variables: { input: complaintInput(providerId) },
      }),
    });
    const body = (await res.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();

    const spans = await eventually(async () => {
      await flushTracing();
      const ours = receiver.spans.filter((s) => s.traceId === traceId);
      const names = ours.map((s) => s.name);
      if (!names.some((n) => n.startsWith('status handle'))) throw new Error(`no status span yet: ${names.join(', ')}`);
      return ours;
    }, 15_000, 200);

    if (process.env.DUMP_SPANS) console.log(spans.map((s) => `${s.name} [${s.attributes["shagym.service"] ?? ""}]`).join("\n"));
    const services = new Set(spans.map((s) => s.attributes['shagym.service']).filter(Boolean));
    expect([...services].sort()).toEqual(expect.arrayContaining(['directory', 'gateway', 'intake', 'status']));
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'outbox relay ComplaintFiled', 'status handle ComplaintFiled']));
    expect(names.some((n) => n.startsWith('subgraph fetch'))).toBe(true);
    // SQL statements are spans of the trace too.
    expect(spans.some((s) => s.attributes['db.system'] && /INSERT/i.test(String(s.attributes['db.query.text'])))).toBe(true);
    // The gateway's request span is the child of the client's span.
    const root = spans.find((s) => s.name === 'POST /graphql' && s.attributes['shagym.service'] === 'gateway');
    expect(root?.parentSpanId).toBe(clientSpan);
    // Every span but the gateway's request hangs from a span of the same trace: nothing is orphaned.
    const ids = new Set(spans.map((s) => s.spanId));
    expect(spans.filter((s) => s !== root && !ids.has(s.parentSpanId!)).map((s) => s.name)).toEqual([]);
  });

  it("traces a subscription's events and their entity fetches under the traceparent of its subscribe message", async () => {
    const traceId = randomBytes(16).toString('hex');
    const iin = validIin();
    const token = await t.token('citizen', { iin });
    const client = wsClient(t.url, token);
    try {
      const got = new Promise<unknown>((resolve, reject) => {
        const stop = client.subscribe(
          {
            query: 'subscription($after: String) { statusMarkAdded(after: $after) { kind complaint { id number handler { surname } } } }',
            variables: { after: '0'.repeat(16) },
            extensions: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
          },
          { next: (r) => (stop(), resolve(r)), error: reject, complete: () => undefined },
        );
      });
      const filed = await t.query('mutation File($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }', { input: complaintInput(providerId) }, token);
      expect(filed.errors).toBeUndefined();
      expect(await got).toMatchObject({ data: { statusMarkAdded: { kind: 'DELIVERED', complaint: { id: filed.data.fileComplaint.id } } } });
    } finally {
      await client.dispose();
    }
    const spans = await eventually(async () => {
      await flushTracing();
      const ours = receiver.spans.filter((s) => s.traceId === traceId);
      if (!ours.some((s) => s.name === 'subscription event')) throw new Error('no subscription span yet');
      return ours;
    }, 15_000, 200);
    const event = spans.find((s) => s.name === 'subscription event')!;
    // The event's entity fetches (intake's complaint, the directory's handler) are its children.
    const fetches = spans.filter((s) => s.name.startsWith('subgraph fetch'));
    expect(fetches.length).toBeGreaterThanOrEqual(1);
    const ids = new Map(spans.map((s) => [s.spanId, s]));
    const ancestorIsEvent = (s: ReceivedSpan): boolean => !!s.parentSpanId && (s.parentSpanId === event.spanId || (ids.has(s.parentSpanId) && ancestorIsEvent(ids.get(s.parentSpanId)!)));
    expect(fetches.every(ancestorIsEvent)).toBe(true);
  });

  it('puts trace_id and span_id on log lines written inside a span', async () => {
    const fields = await inSpan('log test', {}, async () => traceFields());
    expect(fields.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(fields.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(traceFields()).toEqual({});
  });
});
