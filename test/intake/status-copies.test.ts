import { randomUUID } from 'node:crypto';
import { StatusMarkKind } from '../../contracts/enums';
import type { ComplaintStatusChangedEvent } from '../../contracts/events';
import { ComplaintRecord } from '../../subgraphs/intake/complaints/complaint.entity';
import { StatusChangesRepository } from '../../subgraphs/intake/events';
import { citizen, fileComplaint, providerWithStaff } from '../factories/complaint.factory';
import { startTestSystem, type TestSystem } from '../support/harness';

function statusChanged(complaintId: string, version: number, status: StatusMarkKind, over: Partial<ComplaintStatusChangedEvent> = {}) {
  return { type: 'ComplaintStatusChanged', eventId: randomUUID(), complaintId, version, status, reviewDueOn: null, closedOn: null, ...over } as ComplaintStatusChangedEvent;
}

/** Status's copies arrive in batches and are applied a statement per batch: the outcome is the one-by-one outcome. */
describe("intake's copies of status", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('takes each complaint\'s newest copy in the order sent, keeps overdueFrom when a copy lacks it, and ignores repeats', async () => {
    const { provider } = await providerWithStaff(t);
    const filer = await citizen(t);
    const a = await fileComplaint(t, filer.token, provider.id);
    const b = await fileComplaint(t, filer.token, provider.id);
    const c = await fileComplaint(t, filer.token, provider.id);
    const repository = new StatusChangesRepository(t.system.subgraphs.intake.db);

    await repository.applyStatusChanges([
      statusChanged(a.id, 2, StatusMarkKind.REGISTERED, { reviewDueOn: '2026-02-10', overdueFrom: '2026-02-11' }),
      statusChanged(b.id, 1, StatusMarkKind.REGISTERED, { reviewDueOn: '2026-02-10', overdueFrom: '2026-02-11' }),
      statusChanged(a.id, 1, StatusMarkKind.DELIVERED), // older than the copy before it: ignored
      statusChanged(b.id, 3, StatusMarkKind.REVIEWED, { reviewDueOn: '2026-02-10', closedOn: '2026-02-05' }), // no overdueFrom
      statusChanged(c.id, 1, StatusMarkKind.WITHDRAWN, { closedOn: '2026-02-01', overdueFrom: null }),
    ]);
    await repository.applyStatusChanges([statusChanged(a.id, 2, StatusMarkKind.REVIEWED, { closedOn: '2026-03-01' })]); // a repeat

    const rows = await t.system.subgraphs.intake.db.getRepository(ComplaintRecord).findBy([{ id: a.id }, { id: b.id }, { id: c.id }]);
    const copy = (id: string) => {
      const r = rows.find((x) => x.id === id)!;
      return { status: r.status, statusVersion: r.statusVersion, reviewDueOn: r.reviewDueOn, closedOn: r.closedOn, overdueFrom: r.overdueFrom };
    };
    expect(copy(a.id)).toEqual({ status: 'REGISTERED', statusVersion: 2, reviewDueOn: '2026-02-10', closedOn: null, overdueFrom: '2026-02-11' });
    expect(copy(b.id)).toEqual({ status: 'REVIEWED', statusVersion: 3, reviewDueOn: '2026-02-10', closedOn: '2026-02-05', overdueFrom: '2026-02-11' });
    expect(copy(c.id)).toEqual({ status: 'WITHDRAWN', statusVersion: 1, reviewDueOn: null, closedOn: '2026-02-01', overdueFrom: null });
  });
});
