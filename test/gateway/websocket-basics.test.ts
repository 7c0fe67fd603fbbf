import { createProvider } from '../factories/directory.factory';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

describe('gateway: HTTP and WebSocket on one port', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ QUERY_MAX_DEPTH: '6' });
  });
  afterAll(() => t?.stop());

  it('runs queries over graphql-ws with fields from two subgraphs', async () => {
    const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
    const client = wsClient(t.url);
    try {
      const sub = collect(client, `query($id: ID!) { official(id: $id) { surname serviceProvider { bin head { id } } } }`, {
        id: head.id,
      });
      await sub.ended();
      expect(sub.results[0].errors).toBeUndefined();
      expect(sub.results[0].data).toEqual({
        official: { surname: head.surname, serviceProvider: { bin: provider.bin, head: { id: head.id } } },
      });
    } finally {
      await client.dispose();
    }
  });

  it('closes a connection whose token is invalid with 4403', async () => {
    const client = wsClient(t.url, 'not-a-token', { lazy: false });
    const closed = await new Promise<{ code: number }>((resolve) => client.on('closed', (e) => resolve(e as { code: number })));
    expect(closed.code).toBe(4403);
    await client.dispose();
  });

  it('refuses a subscription over HTTP with 400 and says where to go', async () => {
    const res = await t.query(`subscription { statusMarkAdded { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/WebSocket/);
  });

  it('rejects operations deeper than the configured limit, over HTTP and WebSocket', async () => {
    const deep = `{ administrativeUnits { parent { parent { parent { parent { parent { katoCode } } } } } } }`;
    const http = await t.query(deep);
    // A validation failure answered as application/json is a 200 (GraphQL over HTTP; see gateway/graphql-over-http.ts).
    expect(http.status).toBe(200);
    expect(http.errors?.[0].message).toBe('The operation is nested 7 levels deep; the limit is 6');
    const client = wsClient(t.url);
    try {
      const sub = collect(client, deep);
      await sub.ended();
      expect(JSON.stringify(sub.error)).toContain('nested 7 levels deep');
    } finally {
      await client.dispose();
    }
  });
});

describe('gateway: token expiry and connection limits', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ WS_MAX_CONNECTIONS_PER_USER: '2' });
  });
  afterAll(() => t?.stop());

  it('ends subscriptions with UNAUTHENTICATED when the token expires', async () => {
    const iin = '900101300027';
    const token = await t.token('citizen', { iin }, Math.floor(Date.now() / 1000) + 2);
    const client = wsClient(t.url, token);
    try {
      const sub = collect(client, `subscription { statusMarkAdded { kind } }`);
      await sub.ended(10_000);
      const text = JSON.stringify([sub.results, sub.error]);
      expect(text).toContain('UNAUTHENTICATED');
      expect(text).toContain('The token has expired');
    } finally {
      await client.dispose();
    }
  });

  it('closes connections past the per-user limit with 4429', async () => {
    const token = await t.token('citizen', { iin: '900101300027' });
    const clients = [1, 2, 3].map(() => wsClient(t.url, token, { lazy: false }));
    try {
      const codes = await Promise.all(
        clients.map(
          (c) =>
            new Promise<number | 'connected'>((resolve) => {
              c.on('connected', () => resolve('connected'));
              c.on('closed', (e) => resolve((e as { code: number }).code));
            }),
        ),
      );
      expect(codes.filter((c) => c === 'connected')).toHaveLength(2);
      expect(codes.filter((c) => c === 4429)).toHaveLength(1);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
});
