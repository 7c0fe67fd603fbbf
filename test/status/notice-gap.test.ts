import { StatusMarkKind } from '../../contracts/enums';
import { applyComplaintsFiled } from '../../subgraphs/status/events';
import { appendMark, encodeCursor, StatusMarkRecord } from '../../subgraphs/status/marks';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { filedEvent, postEvents, statusQuery, trackedComplaint } from './status-fixtures';

const FROM_START = '0'.repeat(16);
const MARKS = `subscription($complaintId: ID, $after: String) {
  statusMarkAdded(complaintId: $complaintId, after: $after) { id cursor kind complaint { id } } }`;
const EXECUTE = `mutation($id: ID!) { startExecution(complaintId: $id) { id } }`;

/**
 * A live stream delivers a notice's mark as it comes only when it is the next of its sequence. Here a mark commits
 * through the real writer but its notice never goes out (as when the writer dies between COMMIT and PUBLISH): the
 * next notice of the stream shows the gap, and the stream reads the missing mark from the database before it. The
 * dispatcher's poll is set to an hour, so nothing else could bring the lost mark within the test.
 */
describe('status: a gap in a stream sequence is read from the database', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ STATUS_MARK_POLL_MS: String(3_600_000) });
  });
  afterAll(() => t?.stop());

  const marksOf = (where: { complaintId?: string; applicantIin?: string }) =>
    t.system.subgraphs.status.db.getRepository(StatusMarkRecord).find({ where, order: { seq: 'ASC' } });

  it("recovers a complaint's mark whose notice was lost, in order, at the next notice of the complaint", async () => {
    const c = await trackedComplaint(t);
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant, { lazy: false });
    try {
      const stream = collect(client, MARKS, { complaintId: c.complaintId, after: FROM_START });
      await stream.next(1); // DELIVERED, replayed: the stream is live and knows its place from here
      const silent = await appendMark(t.system.subgraphs.status.db, c.complaintId, StatusMarkKind.REGISTERED, () => ({
        mark: { at: new Date(), actorId: c.head.id },
      }));
      const executed = await statusQuery(t, EXECUTE, { id: c.complaintId }, c.tokens.handler);
      expect(executed.errors).toBeUndefined();

      const results = await stream.next(3);
      const stored = await marksOf({ complaintId: c.complaintId });
      expect(stored.map((m) => m.complaintSeq)).toEqual([0, 1, 2]);
      expect(results.map((r) => r.data!.statusMarkAdded.kind)).toEqual(['DELIVERED', 'REGISTERED', 'IN_EXECUTION']);
      expect(results.map((r) => r.data!.statusMarkAdded.cursor)).toEqual(stored.map((m) => encodeCursor(m.seq)));
      expect(results[1].data!.statusMarkAdded.id).toBe(silent.id);
      stream.close();
    } finally {
      await client.dispose();
    }
  });

  it("recovers an applicant's mark whose notice was lost, in order, at the next notice of the applicant", async () => {
    const c = await trackedComplaint(t);
    const applicantIin = (await marksOf({ complaintId: c.complaintId }))[0].applicantIin;
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant, { lazy: false });
    try {
      const stream = collect(client, MARKS, { after: FROM_START });
      await stream.next(1); // the applicant's one DELIVERED mark, replayed
      const lost = filedEvent({ applicantIin });
      const [silent] = await applyComplaintsFiled(t.system.subgraphs.status.db, [lost]);
      const next = filedEvent({ applicantIin });
      expect((await postEvents(t, [next])).status).toBe(200);

      const results = await stream.next(3);
      const stored = await marksOf({ applicantIin });
      expect(stored.map((m) => m.applicantSeq)).toEqual([1, 2, 3]);
      expect(results.map((r) => r.data!.statusMarkAdded.complaint.id)).toEqual([c.complaintId, lost.complaintId, next.complaintId]);
      expect(results.map((r) => r.data!.statusMarkAdded.cursor)).toEqual(stored.map((m) => encodeCursor(m.seq)));
      expect(results[1].data!.statusMarkAdded.id).toBe(silent.id);
      stream.close();
    } finally {
      await client.dispose();
    }
  });
});
