import { StatusMarkKind } from '../../contracts/enums';
import { inTransaction } from '../../platform/database';
import { TrackedComplaint, TrackedComplaintRepository } from '../../subgraphs/status/complaints';
import { appendMark } from '../../subgraphs/status/marks/append-mark';
import { startTestSystem, type TestSystem } from '../support/harness';
import { trackedComplaint } from './status-fixtures';

/** `byId` reads by plain SQL (a prepared statement on MySQL/MariaDB): the row must come back as TypeORM's own read. */
describe("status: the complaint row read for every mark is TypeORM's entity, value for value", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  const db = () => t.system.subgraphs.status.db;

  it('equals findOneBy for a registered complaint (dates, date strings, booleans, JSON), on the pool and in a transaction', async () => {
    const c = await trackedComplaint(t);
    await appendMark(db(), c.complaintId, StatusMarkKind.REGISTERED, () => ({
      mark: { at: new Date(), actorId: c.head.id },
      changes: { registeredAt: new Date('2026-11-25T10:11:12.345Z'), registeredOn: '2026-11-25', reviewDueOn: '2026-12-10', forwardedLate: true },
    }));
    const expected = await db().getRepository(TrackedComplaint).findOneBy({ complaintId: c.complaintId });

    const read = await new TrackedComplaintRepository(db().manager).byId(c.complaintId);
    const inTx = await inTransaction(db(), (em) => new TrackedComplaintRepository(em).byId(c.complaintId));

    expect(read).toBeInstanceOf(TrackedComplaint);
    expect(read).toEqual(expected);
    expect(inTx).toEqual(expected);
    expect(read).toMatchObject({ registeredAt: new Date('2026-11-25T10:11:12.345Z'), forwardedLate: true, version: 1 });
  });

  it('answers null for a complaint status does not track', async () => {
    expect(await new TrackedComplaintRepository(db().manager).byId('00000000-0000-4000-8000-0000000000e1')).toBeNull();
  });
});
