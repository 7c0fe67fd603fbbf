import { createProvider, createUnit } from '../factories/directory.factory';
import {
  ACCEPT_OFFICE_COMPLAINT,
  FILE_COMPLAINT,
  citizen,
  complaintInput,
  intakeRowCounts,
  officeComplaintInput,
  providerWithStaff,
} from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';

/** A deep copy of the valid input with `path` set (or removed when value is undefined). */
function withField(input: Record<string, any>, path: string, value: unknown) {
  const copy = structuredClone(input);
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o[k], copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('filing: every required element is checked, and a rejected input writes nothing', () => {
  let t: TestSystem;
  let staff: Awaited<ReturnType<typeof providerWithStaff>>;
  let portalToken: string;
  beforeAll(async () => {
    t = await startTestSystem();
    staff = await providerWithStaff(t);
    portalToken = (await citizen(t)).token;
  });
  afterAll(() => t?.stop());

  async function expectRejected(mutation: string, input: unknown, token: string, field: string | null) {
    const before = await intakeRowCounts(t.system.subgraphs.intake.db);
    const r = await t.query(mutation, { input }, token);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    if (field) expect(r.errors?.[0].extensions?.field).toBe(field);
    expect(r.data?.fileComplaint ?? r.data?.acceptOfficeComplaint ?? null).toBeNull();
    expect(await intakeRowCounts(t.system.subgraphs.intake.db)).toEqual(before);
    return r.errors![0];
  }

  it.each([
    ['applicant.surname', '', 'input.applicant.surname'],
    ['applicant.surname', '   ', 'input.applicant.surname'],
    ['applicant.surname', 'Ахмет0ва', 'input.applicant.surname'],
    ['applicant.surname', 'Aхметова', 'input.applicant.surname'], // Latin A among Cyrillic
    ['applicant.name', '', 'input.applicant.name'],
    ['applicant.name', 'Дина!', 'input.applicant.name'],
    ['applicant.patronymic', 'Марат_қызы', 'input.applicant.patronymic'],
    ['applicant.postalAddress', '', 'input.applicant.postalAddress'],
    ['applicant.postalAddress', 'x'.repeat(501), 'input.applicant.postalAddress'],
    ['applicant.phones', ['12345'], 'input.applicant.phones.0'],
    ['applicant.phones', ['+77011234567', '+1 202 555 0101'], 'input.applicant.phones.1'],
    ['applicant.phones', Array(6).fill('+77011234567'), 'input.applicant.phones'],
    ['respondents', [], 'input.respondents'],
    ['respondents', [{ position: '', surname: 'Серіков', name: 'Нұржан' }], 'input.respondents.0.position'],
    ['respondents', [{ position: 'маман', surname: '', name: 'Нұржан' }], 'input.respondents.0.surname'],
    ['respondents', [{ position: 'маман', surname: 'Серіков', name: ' ' }], 'input.respondents.0.name'],
    ['reasons', '  ', 'input.reasons'],
    ['reasons', 'я'.repeat(10001), 'input.reasons'],
    ['demands', '', 'input.demands'],
    ['demands', 'я'.repeat(10001), 'input.demands'],
    ['signature', ' ', 'input.signature'],
    ['publicService', 'я'.repeat(301), 'input.publicService'],
    ['idempotencyKey', 'short', 'input.idempotencyKey'],
    ['idempotencyKey', 'k'.repeat(101), 'input.idempotencyKey'],
    ['addressee', 'AKIM', 'input.katoCode'],
    ['katoCode', '71000', 'input.katoCode'],
  ])('portal: %s = %j → BAD_USER_INPUT on %s', async (path, value, field) => {
    await expectRejected(FILE_COMPLAINT, withField(complaintInput(staff.provider.id), path, value), portalToken, field);
  });

  it.each(['applicant.surname', 'applicant.postalAddress', 'reasons', 'demands', 'signature', 'respondents'])(
    'portal: %s missing altogether → BAD_USER_INPUT',
    async (path) => {
      await expectRejected(FILE_COMPLAINT, withField(complaintInput(staff.provider.id), path, undefined), portalToken, null);
    },
  );

  it('lists every problem at once in extensions.problems', async () => {
    const input = withField(withField(complaintInput(staff.provider.id), 'reasons', ''), 'demands', '');
    const error = await expectRejected(FILE_COMPLAINT, input, portalToken, 'input.reasons');
    expect(error.extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.reasons', 'input.demands']);
  });

  it('names the unknown provider and the unknown unit', async () => {
    await expectRejected(
      FILE_COMPLAINT,
      complaintInput('00000000-0000-4000-8000-00000000dead'),
      portalToken,
      'input.serviceProviderId',
    );
    await expectRejected(
      FILE_COMPLAINT,
      complaintInput(staff.provider.id, { addressee: 'AKIM', katoCode: '999999999' }),
      portalToken,
      'input.katoCode',
    );
    await expectRejected(
      FILE_COMPLAINT,
      complaintInput(staff.provider.id, { addressee: 'AKIM', katoCode: '751119999' }),
      portalToken,
      'input.katoCode',
    );
  });

  it.each([
    ['90010130002', 'format'],
    ['9001013000271', 'format'],
    ['90010130002a', 'format'],
    ['900101700027', 'century digit'],
    ['901301300027', 'birth date'],
    ['900101300028', 'check digit'],
  ])('office: applicantIin %s (%s) → BAD_USER_INPUT on input.applicantIin', async (iin) => {
    await expectRejected(ACCEPT_OFFICE_COMPLAINT, officeComplaintInput(staff.provider.id, iin), staff.clerkToken, 'input.applicantIin');
  });

  it('office: a fresh IIN with its check digit changed is refused for the check digit', async () => {
    const iin = validIin();
    const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    const error = await expectRejected(ACCEPT_OFFICE_COMPLAINT, officeComplaintInput(staff.provider.id, wrong), staff.clerkToken, 'input.applicantIin');
    expect(error.message).toContain('check digit');
  });

  it('office: signedOnPaper false → BAD_USER_INPUT on input.signedOnPaper', async () => {
    await expectRejected(
      ACCEPT_OFFICE_COMPLAINT,
      officeComplaintInput(staff.provider.id, validIin(), { signedOnPaper: false }),
      staff.clerkToken,
      'input.signedOnPaper',
    );
  });

  it('accepts an AKIM complaint for a known unit with an akim, and normalises phones', async () => {
    const unit = await createUnit(t.system.subgraphs.directory.db, { katoCode: '751110000', akimOfficialId: staff.head.id });
    // The akim addressed must be over the provider: a provider in that unit.
    const { provider } = await createProvider(t.system.subgraphs.directory.db, { katoCode: unit.katoCode });
    const r = await t.query(
      FILE_COMPLAINT,
      {
        input: complaintInput(provider.id, {
          addressee: 'AKIM',
          katoCode: unit.katoCode,
          applicant: { surname: ' Ахметова ', name: 'Дина', postalAddress: 'Алматы, Абай 1', phones: ['8 (701) 123-45-67', '+7 727 250 00 00'] },
        }),
      },
      portalToken,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.fileComplaint.administrativeUnit).toEqual({ katoCode: unit.katoCode });
    expect(r.data.fileComplaint.applicant.surname).toBe('Ахметова');
    expect(r.data.fileComplaint.applicant.patronymic).toBeNull();
    expect(r.data.fileComplaint.applicant.phones).toEqual(['+77011234567', '+77272500000']);
  });
});
