import { StatusMarkKind } from '../../contracts/enums';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { TrackedComplaintRepository, type TrackedComplaint } from '../../subgraphs/status/complaints';
import { appendMark } from '../../subgraphs/status/marks/append-mark';
import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { trackedComplaint } from './status-fixtures';

// Marks written together in one statement and one transaction: MariaDB only (`one-trip-mark-group.ts`).
const onMysql = process.env.DATABASE_URL ? describe : describe.skip;

onMysql('status: marks sent at the same moment, written together', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('each mark keeps its own outcome: a refused mark fails alone, a moved one is decided again, the numbering stays gapless', async () => {
    const applicantIin = validIin();
    const [a, b, c] = [await trackedComplaint(t, { applicantIin }), await trackedComplaint(t, { applicantIin }), await trackedComplaint(t, { applicantIin })];
    const db = t.system.subgraphs.status.db;
    const outboxRows = () => db.getRepository(OutboxMessage).count();
    const outboxBefore = await outboxRows();
    const rows = new TrackedComplaintRepository(db.manager);
    const [rowA, rowB, rowC] = [await rows.byId(a.complaintId), await rows.byId(b.complaintId), await rows.byId(c.complaintId)];
    const mark = (row: TrackedComplaint | string | null, kind: StatusMarkKind, note?: string) =>
      appendMark(db, row!, kind, () => ({ mark: { at: new Date(), actorId: a.head.id, note } }));

    // Sent in one turn, from the rows as read: the first goes alone, the others wait for it and go as one group.
    // A note longer than the TEXT column is refused by the database; the two marks on `a` start from the same
    // version, so the second finds the row moved and is decided again on the row as it is then.
    const results = await Promise.allSettled([
      mark(rowC, StatusMarkKind.REGISTERED),
      mark(rowA, StatusMarkKind.REGISTERED),
      mark(rowB, StatusMarkKind.REGISTERED, 'x'.repeat(70_000)),
      mark(rowA, StatusMarkKind.WITHDRAWN),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);

    const marks = await db.getRepository(StatusMarkRecord).find({ where: { applicantIin }, order: { seq: 'ASC' } });
    // The applicant's marks number 1, 2, 3 … in the order they were written, without a gap for the refused one.
    expect(marks.map((m) => m.applicantSeq)).toEqual([1, 2, 3, 4, 5, 6]);
    const ofComplaint = (id: string) => marks.filter((m) => m.complaintId === id).map((m) => [m.kind, m.complaintSeq]);
    expect(ofComplaint(a.complaintId)).toEqual([
      [StatusMarkKind.DELIVERED, 0],
      [StatusMarkKind.REGISTERED, 1],
      [StatusMarkKind.WITHDRAWN, 2],
    ]);
    expect(ofComplaint(b.complaintId)).toEqual([[StatusMarkKind.DELIVERED, 0]]);
    expect(ofComplaint(c.complaintId)).toEqual([
      [StatusMarkKind.DELIVERED, 0],
      [StatusMarkKind.REGISTERED, 1],
    ]);
    expect(await outboxRows()).toBe(outboxBefore + 3);

    // The refused mark left nothing behind: the same mark with a short note numbers on.
    const again = await mark(b.complaintId, StatusMarkKind.REGISTERED);
    expect([again.complaintSeq, again.applicantSeq]).toEqual([1, 7]);
  });
});
