import { ACCEPT_OFFICE_COMPLAINT, FILE_COMPLAINT, citizen, complaintInput, intakeRowCounts, officeComplaintInput, providerWithStaff } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';

describe('filing while the directory is down', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('fails with a retryable SERVICE_UNAVAILABLE and stores nothing, on both channels', async () => {
    const staff = await providerWithStaff(t);
    const { token } = await citizen(t);
    await t.system.subgraphs.directory.stop();
    const before = await intakeRowCounts(t.system.subgraphs.intake.db);

    const portal = await t.query(FILE_COMPLAINT, { input: complaintInput(staff.provider.id) }, token);
    expect(portal.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(portal.data?.fileComplaint ?? null).toBeNull();

    const office = await t.query(ACCEPT_OFFICE_COMPLAINT, { input: officeComplaintInput(staff.provider.id, validIin()) }, staff.clerkToken);
    expect(office.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });

    expect(await intakeRowCounts(t.system.subgraphs.intake.db)).toEqual(before);
  });
});
