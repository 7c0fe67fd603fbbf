import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { encodeCursor } from '../../subgraphs/status/marks/status-mark.mapper';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { filedEvent, postEvents, statusQuery, trackedComplaint } from './status-fixtures';

const MARKS = `
  subscription($complaintId: ID, $after: String) {
    statusMarkAdded(complaintId: $complaintId, after: $after) { id cursor kind complaint { id } }
  }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`;
const EXECUTE = `mutation($id: ID!) { startExecution(complaintId: $id) { id } }`;

describe('status: statusMarkAdded over graphql-ws at the subgraph', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  const marksOf = (where: { complaintId?: string; applicantIin?: string }) =>
    t.system.subgraphs.status.db.getRepository(StatusMarkRecord).find({ where, order: { seq: 'ASC' } });

  it("streams a citizen's own new marks, of every complaint, and no one else's", async () => {
    const iin = validIin();
    const client = wsClient(t.system.subgraphs.status.url, await t.token('citizen', { iin }), { lazy: false });
    try {
      const sub = collect(client, MARKS);
      // Live-only: the subscription is up once a mark written after it arrives, so write until one does.
      const warmups: string[] = [];
      await eventually(async () => {
        const e = filedEvent({ applicantIin: iin });
        warmups.push(e.complaintId);
        await postEvents(t, [e]);
        await sub.next(1, 200);
        expect(sub.results.length).toBeGreaterThan(0);
      });
      const mine = filedEvent({ applicantIin: iin });
      const theirs = filedEvent();
      await postEvents(t, [theirs, mine]);
      await eventually(async () =>
        expect(sub.results.map((r) => r.data!.statusMarkAdded.complaint.id)).toContain(mine.complaintId),
      );
      const ids = sub.results.map((r) => r.data!.statusMarkAdded.complaint.id);
      expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
      expect(ids).not.toContain(theirs.complaintId);
      expect(ids.every((id) => warmups.includes(id) || id === mine.complaintId)).toBe(true);
      expect(ids[ids.length - 1]).toBe(mine.complaintId);
      const [stored] = await marksOf({ complaintId: mine.complaintId });
      expect(sub.results[sub.results.length - 1].data!.statusMarkAdded.cursor).toBe(encodeCursor(stored.seq));
      sub.close();
    } finally {
      await client.dispose();
    }
  });

  it('replays every mark after `after` in order, then continues live, with no gap and no duplicate under concurrent writes', async () => {
    const iin = validIin();
    const token = await t.token('citizen', { iin });
    const first = filedEvent({ applicantIin: iin });
    await postEvents(t, [first]);
    const [start] = await marksOf({ complaintId: first.complaintId });
    const before = Array.from({ length: 200 }, () => filedEvent({ applicantIin: iin }));
    for (let i = 0; i < before.length; i += 50) await postEvents(t, before.slice(i, i + 50));

    const client = wsClient(t.system.subgraphs.status.url, token, { lazy: false });
    try {
      // Writers keep committing marks before, while and after the subscription starts and replays.
      let writing = true;
      const writer = async () => {
        while (writing) await postEvents(t, [filedEvent({ applicantIin: iin })]);
      };
      const writers = Promise.all([writer(), writer(), writer()]);
      const sub = collect(client, MARKS, { after: encodeCursor(start.seq) });
      await sub.next(before.length + 20);
      writing = false;
      await writers;
      const sentinel = filedEvent({ applicantIin: iin });
      await postEvents(t, [sentinel]);

      const expected = (await marksOf({ applicantIin: iin })).filter((m) => m.seq > start.seq);
      expect(expected.length).toBeGreaterThan(before.length + 20);
      const results = await sub.next(expected.length);
      await sub.next(expected.length + 1, 300).catch(() => undefined); // a duplicate, if any, would show here
      const ids = results.map((r) => r.data!.statusMarkAdded.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expected.map((m) => m.id).sort());
      expect(ids.slice(0, before.length)).toEqual(expected.slice(0, before.length).map((m) => m.id));
      expect(ids[ids.length - 1]).toBe(expected[expected.length - 1].id);
      expect(expected[expected.length - 1].complaintId).toBe(sentinel.complaintId);
      sub.close();
    } finally {
      await client.dispose();
    }
  });

  it("keeps one complaint's marks in commit order while officials write during the replay", async () => {
    const c = await trackedComplaint(t);
    const [delivered] = await marksOf({ complaintId: c.complaintId });
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant, { lazy: false });
    try {
      const registering = statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler).then(() =>
        statusQuery(t, EXECUTE, { id: c.complaintId }, c.tokens.colleague),
      );
      const sub = collect(client, MARKS, { complaintId: c.complaintId, after: String(delivered.seq).padStart(16, '0') });
      await registering;
      const results = await sub.next(2);
      expect(results.map((r) => r.data!.statusMarkAdded.kind)).toEqual(['REGISTERED', 'IN_EXECUTION']);
      const cursors = results.map((r) => r.data!.statusMarkAdded.cursor);
      expect(cursors[0] < cursors[1]).toBe(true);
      sub.close();
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['another citizen', 'stranger', true, 'FORBIDDEN'],
    ['an official outside the handler body', 'outsider', true, 'FORBIDDEN'],
    ['an official without complaintId', 'handler', false, 'BAD_USER_INPUT'],
  ] as const)('refuses %s', async (_who, tokenName, withId, expected) => {
    const c = await trackedComplaint(t);
    const client = wsClient(t.system.subgraphs.status.url, c.tokens[tokenName], { lazy: false });
    try {
      const sub = collect(client, MARKS, withId ? { complaintId: c.complaintId } : {});
      await sub.ended();
      expect(JSON.stringify([sub.error, sub.results])).toContain(expected);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a bad cursor and an anonymous caller', async () => {
    const c = await trackedComplaint(t);
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant, { lazy: false });
    const anonymous = wsClient(t.system.subgraphs.status.url, undefined, { lazy: false });
    try {
      const bad = collect(client, MARKS, { after: 'not-a-cursor' });
      await bad.ended();
      expect(JSON.stringify([bad.error, bad.results])).toContain('BAD_USER_INPUT');
      const anon = collect(anonymous, MARKS);
      await anon.ended();
      expect(JSON.stringify([anon.error, anon.results])).toContain('UNAUTHENTICATED');
    } finally {
      await client.dispose();
      await anonymous.dispose();
    }
  });

  it("streams a complaint's marks to its handler", async () => {
    const c = await trackedComplaint(t);
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.handler, { lazy: false });
    try {
      const [delivered] = await marksOf({ complaintId: c.complaintId });
      const sub = collect(client, MARKS, { complaintId: c.complaintId, after: String(delivered.seq).padStart(16, '0') });
      await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.colleague);
      const [r] = await sub.next(1);
      expect(r.data!.statusMarkAdded).toMatchObject({ kind: 'REGISTERED', complaint: { id: c.complaintId } });
      sub.close();
    } finally {
      await client.dispose();
    }
  });
});
