import { StatusMarkKind } from '../../contracts/enums';
import { appendMark } from '../../subgraphs/status/marks';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { statusQuery, trackedComplaint } from './status-fixtures';

const FROM_START = '0'.repeat(16);
const STREAM = `subscription($after: String) { statusMarkAdded(after: $after) { id kind cursor complaint { id } } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`;

/**
 * Marks of different complaints of one applicant, written concurrently, must reach the applicant's stream in
 * cursor order; otherwise a cabinet resuming from the last cursor it saw could skip a mark that committed late.
 */
describe("status: one applicant's marks commit in cursor order", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('delivers concurrent marks on ten complaints in increasing cursor order, and resumes exactly after any of them', async () => {
    const applicantIin = validIin();
    const complaints = [];
    for (let i = 0; i < 10; i++) complaints.push(await trackedComplaint(t, { applicantIin }));
    const citizen = complaints[0].tokens.applicant;
    const client = wsClient(t.system.subgraphs.status.url, citizen);
    try {
      const stream = collect(client, STREAM, { after: FROM_START });
      await stream.next(10); // the DELIVERED marks, replayed; the stream is live from here
      await Promise.all(complaints.map((c) => statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler)));
      const results = await stream.next(20);
      const cursors = results.map((r) => (r.data as any).statusMarkAdded.cursor as string);
      expect(new Set(cursors).size).toBe(20);
      expect([...cursors].sort()).toEqual(cursors);

      const resumeFrom = 14;
      const again = wsClient(t.system.subgraphs.status.url, citizen);
      try {
        const resumed = collect(again, STREAM, { after: cursors[resumeFrom] });
        const replay = await resumed.next(20 - resumeFrom - 1);
        expect(replay.map((r) => (r.data as any).statusMarkAdded.cursor)).toEqual(cursors.slice(resumeFrom + 1));
      } finally {
        await again.dispose();
      }
    } finally {
      await client.dispose();
    }
  });

  it('delivers a mark whose notice never came, in cursor order, with the next notice for the applicant', async () => {
    const applicantIin = validIin();
    const [first, second] = [await trackedComplaint(t, { applicantIin }), await trackedComplaint(t, { applicantIin })];
    const client = wsClient(t.system.subgraphs.status.url, first.tokens.applicant);
    try {
      const stream = collect(client, STREAM, { after: FROM_START });
      await stream.next(2); // the two DELIVERED marks; live from here
      // A mark committed by the writer without a publish (as when the notice is lost, or overtaken by a later one).
      const silent = await appendMark(t.system.subgraphs.status.db, first.complaintId, StatusMarkKind.REGISTERED, () => ({
        mark: { at: new Date(), actorId: first.head.id },
      }));
      await statusQuery(t, REGISTER, { id: second.complaintId }, second.tokens.handler);
      const live = await stream.next(4);
      expect(live.slice(2).map((r) => (r.data as any).statusMarkAdded.complaint.id)).toEqual([first.complaintId, second.complaintId]);
      expect((live[2].data as any).statusMarkAdded.id).toBe(silent.id);
    } finally {
      await client.dispose();
    }
  });
});
