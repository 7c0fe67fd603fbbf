import { startSubgraph } from '../../platform/subgraph-server';
import { statusSubgraph } from '../../subgraphs/status';
import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

/** Replays from the first mark, so a test cannot miss a mark committed before the subscription was live. */
const FROM_START = '0'.repeat(16);
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id number } }`;
const CABINET = `
  subscription Cabinet($complaintId: ID, $after: String) {
    statusMarkAdded(complaintId: $complaintId, after: $after) {
      kind cursor
      complaint { id number handler { id surname position } }
    }
  }`;

describe('gateway subscriptions', () => {
  let t: TestSystem;
  let providerId: string;
  let head: { id: string; surname: string; position: string };
  let handler: { id: string; surname: string; position: string };
  beforeAll(async () => {
    t = await startTestSystem({ WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3' });
    const created = await createProvider(t.system.subgraphs.directory.db);
    providerId = created.provider.id;
    head = created.head;
    handler = { id: head.id, surname: head.surname, position: head.position };
  });
  afterAll(() => t?.stop());

  async function file(token: string) {
    const r = await t.query(FILE, { input: complaintInput(providerId) }, token);
    expect(r.errors).toBeUndefined();
    return r.data.fileComplaint as { id: string; number: string };
  }

  it("streams every mark of a citizen's complaints with fields from intake and directory", async () => {
    const token = await t.token('citizen', { iin: validIin() });
    const client = wsClient(t.url, token);
    try {
      const sub = collect(client, CABINET, { after: FROM_START });
      const a = await file(token);
      const b = await file(token);
      const results = await sub.next(2);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(results.map((r) => r.data!.statusMarkAdded)).toEqual([
        expect.objectContaining({ kind: 'DELIVERED', complaint: { id: a.id, number: a.number, handler } }),
        expect.objectContaining({ kind: 'DELIVERED', complaint: { id: b.id, number: b.number, handler } }),
      ]);
      sub.close();
    } finally {
      await client.dispose();
    }
  });

  it('supports variables, fragments, aliases and @include', async () => {
    const iin = validIin();
    const token = await t.token('citizen', { iin });
    const client = wsClient(t.url, token);
    try {
      const sub = collect(
        client,
        `subscription($withHandler: Boolean!) {
           mark: statusMarkAdded(after: "${FROM_START}") {
             ...M complaint { num: number handler @include(if: $withHandler) { surname } }
           }
         }
         fragment M on StatusMark { kind }`,
        { withHandler: false },
      );
      const a = await file(token);
      const [first] = await sub.next(1);
      expect(first.data).toEqual({ mark: { kind: 'DELIVERED', complaint: { num: a.number } } });
      sub.close();
    } finally {
      await client.dispose();
    }
  });

  it("answers FORBIDDEN for another citizen's complaint", async () => {
    const owner = await t.token('citizen', { iin: validIin() });
    const a = await file(owner);
    // Status must know the complaint (its filing event arrives asynchronously): until then it cannot tell whose it is.
    await eventually(async () => {
      const r = await t.query(`query($id: ID!) { complaint(id: $id) { status } }`, { id: a.id }, owner);
      expect(r.data?.complaint?.status).toBe('DELIVERED');
    });
    const stranger = wsClient(t.url, await t.token('citizen', { iin: validIin() }));
    try {
      const sub = collect(stranger, CABINET, { complaintId: a.id });
      await sub.ended();
      const errors = JSON.stringify([sub.error, sub.results]);
      expect(errors).toContain('FORBIDDEN');
    } finally {
      await stranger.dispose();
    }
  });

  it('replays from `after` when a client reconnects, then goes live', async () => {
    const token = await t.token('citizen', { iin: validIin() });
    const first = wsClient(t.url, token);
    const sub = collect(first, CABINET, { after: FROM_START });
    const a = await file(token);
    const [seen] = await sub.next(1);
    await first.dispose();
    const b = await file(token); // while the cabinet is away

    const second = wsClient(t.url, token);
    try {
      const resumed = collect(second, CABINET, { after: seen.data!.statusMarkAdded.cursor });
      const [missed] = await resumed.next(1);
      expect(missed.data!.statusMarkAdded.complaint.id).toBe(b.id);
      const c = await file(token);
      const all = await resumed.next(2);
      expect(all.map((r) => r.data!.statusMarkAdded.complaint.id)).toEqual([b.id, c.id]);
      expect(a.id).not.toBe(b.id);
    } finally {
      await second.dispose();
    }
  });

  it('limits subscriptions per connection', async () => {
    const token = await t.token('citizen', { iin: validIin() });
    const client = wsClient(t.url, token);
    try {
      const subs = [1, 2, 3, 4].map(() => collect(client, CABINET));
      await subs[3].ended();
      expect(JSON.stringify(subs[3].error)).toContain('TOO_MANY_SUBSCRIPTIONS');
      expect(subs.slice(0, 3).every((s) => s.error === undefined)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('leaves no upstream subscription or socket behind when clients leave', async () => {
    const clients = await Promise.all(
      [1, 2, 3].map(async () => wsClient(t.url, await t.token('citizen', { iin: validIin() }))),
    );
    const subs = clients.map((c) => collect(c, CABINET));
    await eventually(async () =>
      // three cabinets, three upstream subscriptions, multiplexed on one upstream socket
      expect(t.system.gateway.stats.snapshot()).toMatchObject({ upstreamSubscriptions: 3, upstreamSockets: 1 }),
    );
    subs[0].close();
    await Promise.all(clients.slice(1).map((c) => c.dispose()));
    await clients[0].dispose();
    await eventually(async () =>
      expect(t.system.gateway.stats.snapshot()).toMatchObject({
        downstreamConnections: 0,
        activeSubscriptions: 0,
        upstreamSubscriptions: 0,
        upstreamSockets: 0,
      }),
    );
  });

  it('resumes transparently when the status subgraph restarts mid-stream: no gap, no duplicate', async () => {
    const token = await t.token('citizen', { iin: validIin() });
    const client = wsClient(t.url, token);
    try {
      const sub = collect(client, CABINET, { after: FROM_START });
      const a = await file(token);
      await sub.next(1);

      const old = t.system.subgraphs.status;
      await old.stop();
      const b = await file(token); // stored by intake; its event waits in the outbox
      const restarted = await startSubgraph(statusSubgraph(), {
        ...t.config,
        directory: { port: t.system.subgraphs.directory.port, url: t.system.subgraphs.directory.url },
        status: { port: old.port, url: old.url },
      });
      t.system.subgraphs.status = restarted;
      await sub.next(2, 30_000); // B, delivered once the outbox relay reaches the new instance
      const c = await file(token);

      const results = await sub.next(3, 30_000);
      expect(results.map((r) => r.data?.statusMarkAdded.complaint.id)).toEqual([a.id, b.id, c.id]);
      expect(t.system.gateway.stats.resumes).toBeGreaterThan(0);
    } finally {
      await client.dispose();
    }
  }, 60_000);
});
