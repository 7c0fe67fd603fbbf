import { StatusMarkKind } from '../../contracts/enums';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { TrackedComplaintRepository } from '../../subgraphs/status/complaints';
import { appendMark } from '../../subgraphs/status/marks/append-mark';
import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { startTestSystem, type TestSystem } from '../support/harness';
import { trackedComplaint } from './status-fixtures';

// A note longer than the TEXT column is refused by MySQL/MariaDB's strict mode; SQLite keeps any length.
const onMysql = process.env.DATABASE_URL ? describe : describe.skip;

onMysql('status: a mark refused by the database midway writes nothing', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('leaves the complaint, the applicant numbering and the outbox as they were, and the next marks number on without a gap', async () => {
    const c = await trackedComplaint(t);
    const db = t.system.subgraphs.status.db;
    const outboxRows = () => db.getRepository(OutboxMessage).count();
    const outboxBefore = await outboxRows();

    // Refused at the mark's INSERT, after the complaint moved and the applicant's lock numbered it.
    const tooLong = 'x'.repeat(70_000);
    await expect(
      appendMark(db, c.complaintId, StatusMarkKind.REGISTERED, () => ({ mark: { at: new Date(), actorId: c.head.id, note: tooLong } })),
    ).rejects.toThrow();

    expect(await new TrackedComplaintRepository(db.manager).byId(c.complaintId)).toMatchObject({ status: StatusMarkKind.DELIVERED, version: 0 });
    expect(await outboxRows()).toBe(outboxBefore);
    // Several marks, so that whichever pooled connection the failed one used serves one of them.
    for (const kind of [StatusMarkKind.REGISTERED, StatusMarkKind.IN_EXECUTION, StatusMarkKind.REVIEWED]) {
      await appendMark(db, c.complaintId, kind, () => ({ mark: { at: new Date(), actorId: c.head.id } }));
    }
    const marks = await db.getRepository(StatusMarkRecord).find({ where: { complaintId: c.complaintId }, order: { seq: 'ASC' } });
    expect(marks.map((m) => [m.kind, m.complaintSeq, m.applicantSeq])).toEqual([
      [StatusMarkKind.DELIVERED, 0, 1],
      [StatusMarkKind.REGISTERED, 1, 2],
      [StatusMarkKind.IN_EXECUTION, 2, 3],
      [StatusMarkKind.REVIEWED, 3, 4],
    ]);
    expect(await outboxRows()).toBe(outboxBefore + 3);
  });
});
