import { StatusMarkKind } from '../../contracts/enums';
import { TrackedComplaintRepository } from '../../subgraphs/status/complaints';
import { appendMark } from '../../subgraphs/status/marks/append-mark';
import { startTestSystem, type TestSystem } from '../support/harness';
import { trackedComplaint } from './status-fixtures';

describe("status: a mark given the caller's row decides on the row as it is now", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  const db = () => t.system.subgraphs.status.db;
  const read = async (id: string) => (await new TrackedComplaintRepository(db().manager).byId(id))!;

  it("decides again on the row read now when the caller's row refuses the mark (it moved since), and numbers the mark after it", async () => {
    const c = await trackedComplaint(t);
    const stale = await read(c.complaintId);
    await appendMark(db(), c.complaintId, StatusMarkKind.REGISTERED, () => ({ mark: { at: new Date(), actorId: c.head.id } }));

    const mark = await appendMark(db(), stale, StatusMarkKind.IN_EXECUTION, (current) => ({
      mark: { at: new Date(), actorId: c.head.id, note: `built on version ${current.version}` },
    }));

    expect({ complaintSeq: mark.complaintSeq, note: mark.note }).toEqual({ complaintSeq: 2, note: 'built on version 1' });
    expect(await read(c.complaintId)).toMatchObject({ status: StatusMarkKind.IN_EXECUTION, version: 2 });
  });

  it("answers CONFLICT from the row as it is now when the caller's row allowed the mark", async () => {
    const c = await trackedComplaint(t);
    const stale = await read(c.complaintId);
    await appendMark(db(), c.complaintId, StatusMarkKind.WITHDRAWN, () => ({ mark: { at: new Date(), actorId: null } }));

    await expect(
      appendMark(db(), stale, StatusMarkKind.REGISTERED, () => ({ mark: { at: new Date(), actorId: c.head.id } })),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', status: StatusMarkKind.WITHDRAWN } });
  });

  it('answers CONFLICT and writes nothing when the complaint changed hands since the caller was checked on it', async () => {
    const c = await trackedComplaint(t);
    const stale = await read(c.complaintId);
    // A forward that committed in between: the complaint moved to another handler and body.
    const repo = new TrackedComplaintRepository(db().manager);
    expect(await repo.moveFrom(stale, { handlerId: '00000000-0000-4000-8000-0000000000f1', handlerBodyId: '00000000-0000-4000-8000-0000000000f2' })).toBe(true);

    await expect(
      appendMark(db(), stale, StatusMarkKind.REGISTERED, () => ({ mark: { at: new Date(), actorId: c.head.id } })),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await read(c.complaintId)).toMatchObject({ status: stale.status, version: stale.version + 1 });
  });
});
