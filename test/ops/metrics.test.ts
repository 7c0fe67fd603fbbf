import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

const FROM_START = '0'.repeat(16);
const FILE = `mutation FileForMetrics($input: FileComplaintInput!) { fileComplaint(input: $input) { id number } }`;
const MARKS = `subscription MarksForMetrics($after: String) { statusMarkAdded(after: $after) { kind cursor complaint { id number } } }`;

/** The value of one series in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) {
      total += Number(m[4]);
      found = true;
    }
  }
  return found ? total : 0;
}

describe('GET /metrics', () => {
  let t: TestSystem;
  let providerId: string;
  beforeAll(async () => {
    t = await startTestSystem();
    providerId = (await createProvider(t.system.subgraphs.directory.db)).provider.id;
  });
  afterAll(() => t?.stop());

  const metrics = async (url: string) => {
    const res = await fetch(url.replace('/graphql', '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('is served by the gateway and every subgraph in Prometheus text format', async () => {
    for (const url of [t.url, ...Object.values(t.system.subgraphs).map((s) => s.url)]) {
      const text = await metrics(url);
      expect(text).toContain('# TYPE shagym_graphql_requests_total counter');
      expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    }
  });

  it('counts operations by name and outcome, subgraph fetches, filings, relay deliveries and subscription events', async () => {
    const before = await metrics(t.url);
    const iin = validIin();
    const token = await t.token('citizen', { iin });
    const client = wsClient(t.url, token);
    try {
      const sub = collect(client, MARKS, { after: FROM_START });
      const filed = await t.query(FILE, { input: complaintInput(providerId) }, token);
      expect(filed.errors).toBeUndefined();
      const refused = await t.query(FILE, { input: complaintInput(providerId) }); // no token
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      await sub.next(1);

      const during = await metrics(t.url);
      expect(sample(during, 'shagym_gateway_websocket', { kind: 'downstreamConnections' })).toBeGreaterThanOrEqual(1);
      expect(sample(during, 'shagym_gateway_websocket', { kind: 'activeSubscriptions' })).toBeGreaterThanOrEqual(1);
      sub.close();
    } finally {
      await client.dispose();
    }

    const after = await eventually(async () => {
      const text = await metrics(t.url);
      const delivered = sample(text, 'shagym_outbox_relay_delivered_total', { service: 'intake' });
      if (delivered <= sample(before, 'shagym_outbox_relay_delivered_total', { service: 'intake' })) throw new Error('not relayed yet');
      return text;
    });
    const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);

    expect(delta('shagym_graphql_requests_total', { service: 'gateway', operation: 'FileForMetrics', outcome: 'ok' })).toBe(1);
    expect(delta('shagym_graphql_requests_total', { service: 'gateway', operation: 'FileForMetrics', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('shagym_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'FileForMetrics' })).toBe(2);
    expect(delta('shagym_graphql_requests_total', { service: 'intake', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(delta('shagym_gateway_subgraph_fetch_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(delta('shagym_gateway_subgraph_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(delta('shagym_group_commit_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(delta('shagym_gateway_subscription_events_total', { result: 'delivered' })).toBeGreaterThanOrEqual(1);
    expect(delta('shagym_read_cache_lookups_total')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^shagym_outbox_backlog\{service="intake"\} \d+$/m);
    expect(after).toMatch(/^shagym_outbox_oldest_event_age_seconds\{service="intake"\} [\d.e+-]+$/m);
    if (t.config.database.kind === 'mysql') {
      // The pool has connections once the services have queried (SQLite has no pool).
      expect(sample(after, 'shagym_db_pool_connections', { service: 'intake', state: 'used' }) + sample(after, 'shagym_db_pool_connections', { service: 'intake', state: 'free' })).toBeGreaterThan(0);
    }
  });

  it('keeps operation names bounded: past 100 distinct names they count as "other"', async () => {
    for (let i = 0; i < 105; i++) await t.query(`query Spray${i} { __typename }`);
    const text = await metrics(t.url);
    expect(sample(text, 'shagym_graphql_requests_total', { service: 'gateway', operation: 'Spray104' })).toBe(0);
    expect(sample(text, 'shagym_graphql_requests_total', { service: 'gateway', operation: 'other' })).toBeGreaterThanOrEqual(5);
  });
});
