import { randomUUID } from 'node:crypto';
import { ComplaintRecord } from '../../subgraphs/intake/complaints/complaint.entity';
import { FILE_COMPLAINT, citizen, complaintInput, providerWithStaff } from '../factories/complaint.factory';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';

/** Concurrent filings commit in shared transactions (group commit); none may be lost, doubled or left unreported. */
describe('concurrent filings', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('stores each of 30 distinct filings and one for 10 retries of a key, each with one event that reaches status', async () => {
    const { provider } = await providerWithStaff(t);
    const filers = await Promise.all(Array.from({ length: 30 }, () => citizen(t)));
    const retrier = await citizen(t);
    const key = randomUUID();
    const retried = complaintInput(provider.id, { idempotencyKey: key });
    const results = await Promise.all([
      ...filers.map((f) => t.query(FILE_COMPLAINT, { input: complaintInput(provider.id) }, f.token)),
      ...Array.from({ length: 10 }, () => t.query(FILE_COMPLAINT, { input: retried }, retrier.token)),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data.fileComplaint.id as string));
    expect(ids.size).toBe(31);

    const db = t.system.subgraphs.intake.db;
    expect(await db.getRepository(ComplaintRecord).countBy({ serviceProviderId: provider.id })).toBe(31);
    const outbox: { payload: string }[] = await db.query('SELECT payload FROM outbox_message');
    const reported = outbox.map((m) => JSON.parse(m.payload).complaintId as string).filter((id) => ids.has(id));
    expect(reported.sort()).toEqual([...ids].sort());

    const admin = await t.token('admin');
    await eventually(async () => {
      for (const id of ids) {
        const r = await t.query(`query($id: ID!) { complaint(id: $id) { status } }`, { id }, admin);
        expect(r.data?.complaint.status).toBe('DELIVERED');
      }
    });
  });
});
