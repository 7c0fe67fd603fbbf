import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

describe('gateway: a subgraph that stays down', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ WS_RESUME_ATTEMPTS: '2' });
  });
  afterAll(() => t?.stop());

  it('ends the subscription with SERVICE_UNAVAILABLE and the last cursor after the bounded retries', async () => {
    const { provider } = await createProvider(t.system.subgraphs.directory.db);
    const token = await t.token('citizen', { iin: validIin() });
    const client = wsClient(t.url, token);
    try {
      const sub = collect(client, `subscription($after: String) { statusMarkAdded(after: $after) { kind cursor } }`, {
        after: '0'.repeat(16),
      });
      await t.query(`mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: complaintInput(provider.id) }, token);
      const [first] = await sub.next(1);
      await t.system.subgraphs.status.stop();
      await sub.ended(20_000);
      const text = JSON.stringify([sub.results.slice(1), sub.error]);
      expect(text).toContain('SERVICE_UNAVAILABLE');
      expect(text).toContain('could not be resumed after 2 attempts');
      expect(text).toContain((first.data as any).statusMarkAdded.cursor);
    } finally {
      await client.dispose();
    }
  });

  it('answers a query needing the stopped subgraph with a retryable SERVICE_UNAVAILABLE', async () => {
    const { provider } = await createProvider(t.system.subgraphs.directory.db);
    const token = await t.token('citizen', { iin: validIin() });
    const filed = await t.query(`mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: complaintInput(provider.id) }, token);
    await t.system.subgraphs.directory.stop();
    const r = await t.query(`query($id: ID!) { complaint(id: $id) { id handler { surname } } }`, { id: filed.data.fileComplaint.id }, token);
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/did not answer/),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  });
});

describe('gateway in production mode', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'p'.repeat(40) });
  });
  afterAll(() => t?.stop());

  it('refuses introspection and does not suggest field names', async () => {
    const introspection = await t.query(`{ __schema { types { name } } }`);
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await t.query(`{ contactCenterr { phones } }`);
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses a simple (CSRF-able) request without a preflight-triggering header', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ contactCenter { phones } }')}`);
    expect(res.status).toBe(400);
    const allowed = await fetch(`${t.url}?query=${encodeURIComponent('{ contactCenter { phones } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });
});
