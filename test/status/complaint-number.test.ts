import type { IncomingMessage } from 'node:http';
import { StatusMarkKind } from '../../contracts/enums';
import { applyComplaintsFiled } from '../../subgraphs/status/events';
import { appendMark } from '../../subgraphs/status/marks';
import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { filedEvent, postEvents, statusQuery, trackedComplaint } from './status-fixtures';

const FROM_START = '0'.repeat(16);
const CABINET = `subscription($id: ID!, $after: String) { statusMarkAdded(complaintId: $id, after: $after) { id kind at complaint { number } } }`;
const MINE = `subscription($after: String) { statusMarkAdded(after: $after) { kind complaint { id number } } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { kind complaint { number } } }`;

/**
 * Status answers `Complaint.number` from its own copy (taken from the filing event; a number never changes), so a
 * cabinet's live marks need nothing from intake. The number must be right however the mark reaches the stream: as
 * its notice, replayed after `after`, or read back after a lost notice; and status checks access where it is asked
 * for a complaint's number by reference.
 */
describe("status: the complaint's number on its marks", () => {
  let t: TestSystem;
  beforeAll(async () => {
    // No poll within the test: a lost notice is found only by the next notice of its stream.
    t = await startTestSystem({ STATUS_MARK_POLL_MS: String(3_600_000) });
  });
  afterAll(() => t?.stop());

  it('reaches a cabinet through the gateway with no request to intake, live and replayed', async () => {
    const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
    const citizen = await t.token('citizen', { iin: validIin() });
    const filed = await t.query(`mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id number } }`, { input: complaintInput(provider.id) }, citizen);
    expect(filed.errors).toBeUndefined();
    const { id, number } = filed.data.fileComplaint;
    const official = await t.token('official', { officialId: head.id });
    const client = wsClient(t.url, citizen, { lazy: false });
    const asked: string[] = [];
    const count = (req: IncomingMessage) => req.url === '/graphql' && asked.push(`${req.method} ${req.url}`);
    const intake = t.system.subgraphs.intake.httpServer;
    try {
      const live = collect(client, CABINET, { id, after: FROM_START });
      await eventually(async () => expect((await live.next(1))[0].data?.statusMarkAdded.kind).toBe('DELIVERED'));
      intake.on('request', count);
      const registered = await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`, { id }, official);
      expect(registered.errors).toBeUndefined();
      const results = await live.next(2);
      intake.off('request', count);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(results.map((r) => [r.data!.statusMarkAdded.kind, r.data!.statusMarkAdded.complaint.number])).toEqual([
        ['DELIVERED', number],
        ['REGISTERED', number],
      ]);
      expect(asked).toEqual([]);
      live.close();

      const replayed = collect(client, CABINET, { id, after: FROM_START });
      expect((await replayed.next(2)).map((r) => r.data!.statusMarkAdded.complaint.number)).toEqual([number, number]);
      replayed.close();
    } finally {
      intake.off('request', count);
      await client.dispose();
    }
    // The complaint read by id still has its number, from intake.
    const read = await t.query(`query($id: ID!) { complaint(id: $id) { number status } }`, { id }, citizen);
    expect(read.data.complaint).toEqual({ number, status: 'REGISTERED' });
  });

  it("replays a citizen's marks after `after` with each complaint's own number, and a mutation's mark has it too", async () => {
    const c = await trackedComplaint(t);
    const second = filedEvent({ applicantIin: c.event.applicantIin });
    expect((await postEvents(t, [second])).status).toBe(200);
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant, { lazy: false });
    try {
      const mine = collect(client, MINE, { after: FROM_START });
      const results = await mine.next(2);
      expect(results.map((r) => r.data!.statusMarkAdded.complaint)).toEqual([
        { id: c.complaintId, number: c.event.number },
        { id: second.complaintId, number: second.number },
      ]);
      const registered = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
      expect(registered.errors).toBeUndefined();
      expect(registered.data.registerComplaint).toEqual({ kind: 'REGISTERED', complaint: { number: c.event.number } });
      expect((await mine.next(3))[2].data!.statusMarkAdded).toEqual({ kind: 'REGISTERED', complaint: { id: c.complaintId, number: c.event.number } });
      mine.close();
    } finally {
      await client.dispose();
    }
  });

  it('gives the right number to marks read back after a lost notice, of a complaint the stream had not met', async () => {
    const c = await trackedComplaint(t);
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant, { lazy: false });
    try {
      const mine = collect(client, MINE, { after: FROM_START });
      await mine.next(1);
      const lost = filedEvent({ applicantIin: c.event.applicantIin });
      await applyComplaintsFiled(t.system.subgraphs.status.db, [lost]); // committed, never published
      await appendMark(t.system.subgraphs.status.db, lost.complaintId, StatusMarkKind.REGISTERED, () => ({ mark: { at: new Date(), actorId: null } }));
      const next = filedEvent({ applicantIin: c.event.applicantIin });
      expect((await postEvents(t, [next])).status).toBe(200);
      const results = await mine.next(4);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
      expect(results.map((r) => [r.data!.statusMarkAdded.kind, r.data!.statusMarkAdded.complaint.number])).toEqual([
        ['DELIVERED', c.event.number],
        ['DELIVERED', lost.number],
        ['REGISTERED', lost.number],
        ['DELIVERED', next.number],
      ]);
      mine.close();
    } finally {
      await client.dispose();
    }
  });

  it("answers a complaint's number by reference only to those who may read the complaint", async () => {
    const c = await trackedComplaint(t);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { number } } }`;
    const representations = [{ __typename: 'Complaint', id: c.complaintId }];
    const mine = await statusQuery(t, query, { r: representations }, c.tokens.applicant);
    expect(mine.errors).toBeUndefined();
    expect(mine.data._entities).toEqual([{ number: c.event.number }]);
    const stranger = await statusQuery(t, query, { r: representations }, c.tokens.stranger);
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
