import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';

describe('status through the gateway', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('tracks a complaint filed at intake; its handler registers it; the cabinet reads terms and marks with intake fields', async () => {
    const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
    const citizen = await t.token('citizen', { iin: validIin() });
    const filed = await t.query(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id number } }`,
      { input: complaintInput(provider.id) },
      citizen,
    );
    expect(filed.errors).toBeUndefined();
    const { id, number } = filed.data.fileComplaint;
    const official = await t.token('official', { officialId: head.id });
    const reg = await eventually(async () => {
      const r = await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind complaint { number } } }`, { id }, official);
      expect(r.errors).toBeUndefined();
      return r.data.registerComplaint;
    });
    expect(reg).toEqual({ kind: 'REGISTERED', complaint: { number } });

    const read = await t.query(
      `query($id: ID!) { complaint(id: $id) {
         number status registrationNumber reviewDueOn overdue
         statusMarks { kind actor { surname } complaint { number } }
       } }`,
      { id },
      citizen,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.complaint).toMatchObject({
      number,
      status: 'REGISTERED',
      registrationNumber: `${number}/Т1`,
      overdue: false,
      statusMarks: [
        { kind: 'DELIVERED', actor: null, complaint: { number } },
        { kind: 'REGISTERED', actor: { surname: head.surname }, complaint: { number } },
      ],
    });
    expect(read.data.complaint.reviewDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
