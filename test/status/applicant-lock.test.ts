import { randomUUID } from 'node:crypto';
import { StatusMarkKind } from '../../contracts/enums';
import { lockApplicantMarks } from '../../subgraphs/status/marks/applicant-mark-lock.repository';
import { appendMark } from '../../subgraphs/status/marks/append-mark';
import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { trackedComplaint } from './status-fixtures';

// SQLite lets one writer in at a time, so the property holds there by construction; MySQL/MariaDB needs the lock.
const onMysql = process.env.DATABASE_URL ? describe : describe.skip;

onMysql("status: a mark cannot commit while another mark of the same applicant is uncommitted", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('makes the second transaction wait, so its higher seq also commits later', async () => {
    const applicantIin = validIin();
    const first = await trackedComplaint(t, { applicantIin });
    const second = await trackedComplaint(t, { applicantIin });
    const db = t.system.subgraphs.status.db;

    const open = db.createQueryRunner();
    await open.startTransaction();
    let firstCommitted = false;
    let secondDoneBeforeFirstCommitted: boolean | undefined;
    try {
      await lockApplicantMarks(open.manager, applicantIin, new Date());
      await open.manager.insert(StatusMarkRecord, {
        id: randomUUID(),
        complaintId: first.complaintId,
        kind: StatusMarkKind.EXTENDED,
        at: new Date(),
        actorId: null,
        note: 'held open by the test',
        result: null,
        applicantIin,
      });
      const secondMark = appendMark(db, second.complaintId, StatusMarkKind.REGISTERED, () => ({
        mark: { at: new Date(), actorId: second.head.id },
      })).then((mark) => {
        secondDoneBeforeFirstCommitted = !firstCommitted;
        return mark;
      });
      // Give an unblocked second transaction ample time to commit before the first one does.
      await new Promise((r) => setTimeout(r, 500));
      firstCommitted = true;
      await open.commitTransaction();
      await secondMark;
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }
    expect(secondDoneBeforeFirstCommitted).toBe(false);
    const marks = await db.getRepository(StatusMarkRecord).find({ where: { applicantIin }, order: { seq: 'ASC' } });
    expect(marks.map((m) => m.note === 'held open by the test' || m.kind)).toEqual(['DELIVERED', 'DELIVERED', true, 'REGISTERED']);
  });
});
