/**
 * The law's clock through the gateway, on a clock the test sets (no test depends on today's date): registration
 * due from the day of receipt (APPC Art. 63(2)), forwarding to the quality-control body (APPC Art. 65, 91(4);
 * Law "On Public Services" Art. 25: 15 working days), a late extension refused (APPC Art. 76), the 3-month filing
 * term (APPC Art. 92) and the court deadline moved off a weekend (APPC Art. 136). November 2025 has no holidays.
 */
import { SettableClock } from '../../platform/clock';
import { complaintInput, intakeRowCounts, officeComplaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from './gateway-client';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id number filingDeadline lateFiling { reason } } }`;
const TERMS = `query($id: ID!) { complaint(id: $id) {
  status registrationDueOn registeredOn reviewDueOn forwardDueOn reviewBodyKind overdue overdueReason overdueReasonLabel { ru } appealDeadline
  nextStep { code deadline descriptionRu legalBasis } statusMarks { kind note } } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { kind dueOn } }`;
const FORWARD = `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Вне компетенции") { kind note } }`;
const EXTEND = `mutation($id: ID!, $d: Int!) { extendReview(complaintId: $id, workingDays: $d, reason: "Нужен запрос") { kind dueOn } }`;

/** 10:00 in Astana (UTC+5) on a Kazakhstan date. */
const at10 = (date: string) => `${date}T05:00:00Z`;

describe('terms through the gateway (clock set by the test)', () => {
  const clock = new SettableClock(at10('2025-11-17'));
  let t: TestSystem;
  let admin: AdminThroughGateway;
  let city: string;

  beforeAll(async () => {
    t = await startTestSystem({}, { clock });
    admin = new AdminThroughGateway(t, await t.token('admin'));
    city = await admin.unit('город Мерзім');
  });
  afterAll(() => t?.stop());

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const r = await t.query(query, variables, token);
    expect(r.errors).toBeUndefined();
    return r.data as T;
  }

  /** Files on the portal and waits until status has the complaint. */
  async function file(providerId: string, citizen: string, over: Record<string, unknown> = {}) {
    const { fileComplaint: c } = await ok(FILE, { i: complaintInput(providerId, over) }, citizen);
    await eventually(async () => expect((await ok(TERMS, { id: c.id }, citizen)).complaint.statusMarks).toHaveLength(1));
    return c as { id: string; number: string };
  }

  const terms = async (id: string, token: string) => (await ok(TERMS, { id }, token)).complaint;

  it('APPC Art. 63(2): received on a Saturday → registration due Monday; unregistered Tuesday → overdue REGISTRATION; a late registration gives no extra time', async () => {
    const provider = await admin.provider('ЦОН Сенбі', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const head = await t.token('official', { officialId: provider.head.id });
    clock.set(at10('2025-11-15')); // Saturday
    // Answered at once, even before status has the filing event (from intake's submittedAt, @requires).
    const filed = await ok(
      `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id registrationDueOn reviewBodyKind } }`,
      { i: complaintInput(provider.id) },
      citizen,
    );
    expect(filed.fileComplaint).toMatchObject({ registrationDueOn: '2025-11-17', reviewBodyKind: 'SERVICE_PROVIDER' });
    const c = await file(provider.id, citizen);

    const received = await terms(c.id, citizen);
    expect(received).toMatchObject({
      registrationDueOn: '2025-11-17',
      forwardDueOn: '2025-11-19',
      reviewBodyKind: 'SERVICE_PROVIDER',
      overdue: false,
      overdueReason: null,
      nextStep: null,
    });

    clock.set(at10('2025-11-17')); // Monday: the due day itself
    expect((await terms(c.id, citizen)).overdue).toBe(false);
    clock.set(at10('2025-11-18')); // Tuesday
    expect(await terms(c.id, citizen)).toMatchObject({ overdue: true, overdueReason: 'REGISTRATION', overdueReasonLabel: { ru: 'Просрочена регистрация' } });

    const reg = await ok(REGISTER, { id: c.id }, head);
    // 5 working days from Monday 17 (when registration was due), not from Tuesday 18: Monday 24, not Tuesday 25.
    expect(reg.registerComplaint.dueOn).toBe('2025-11-24');
    expect(await terms(c.id, citizen)).toMatchObject({
      registeredOn: '2025-11-18',
      reviewDueOn: '2025-11-24',
      overdue: false,
      overdueReason: null,
    });
  });

  it('APPC Art. 63(2), Law "On Public Services" Art. 25: before status has the filing event it answers from what intake gives (submittedAt, handler)', async () => {
    const quality = await admin.provider('Сапа комитеті', city, 'QUALITY_CONTROL_BODY');
    const citizen = await t.token('citizen', { iin: validIin() });
    const r = await postGraphQL(
      t.system.subgraphs.status.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { registrationDueOn reviewBodyKind } } }`,
      {
        r: [
          {
            __typename: 'Complaint',
            id: '00000000-0000-4000-8000-00000000dead',
            submittedAt: '2025-11-21T20:00:00Z',
            handler: { id: quality.head.id },
          },
        ],
      },
      citizen,
    );
    // 20:00 UTC on Friday 21 November is 01:00 on Saturday in Astana: due Monday 24 November, not Friday.
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toEqual([{ registrationDueOn: '2025-11-24', reviewBodyKind: 'QUALITY_CONTROL_BODY' }]);
  });

  it('APPC Art. 65 / Law "On Public Services" Art. 25: forwarded to the quality-control body → 15 working days; a late forward is accepted and shows', async () => {
    const provider = await admin.provider('ЦОН Жолдау', city);
    const quality = await admin.provider('Комитет по контролю качества', city, 'QUALITY_CONTROL_BODY');
    const citizen = await t.token('citizen', { iin: validIin() });
    const head = await t.token('official', { officialId: provider.head.id });
    const qualityHead = await t.token('official', { officialId: quality.head.id });

    // The directory is the one owner of the body's kind.
    const body = await ok(`query($id: ID!) { official(id: $id) { body { id kind } } }`, { id: quality.head.id }, head);
    expect(body.official.body).toEqual({ id: quality.id, kind: 'QUALITY_CONTROL_BODY' });

    clock.set(at10('2025-11-17')); // Monday
    const onTime = await file(provider.id, citizen);
    const fwd = await ok(FORWARD, { id: onTime.id, to: quality.head.id }, head);
    expect(fwd.forwardComplaint.note).toBe('Вне компетенции');
    expect(await terms(onTime.id, citizen)).toMatchObject({ reviewBodyKind: 'QUALITY_CONTROL_BODY', overdueReason: null });
    const reg = await ok(REGISTER, { id: onTime.id }, qualityHead);
    expect(reg.registerComplaint.dueOn).toBe('2025-12-08'); // 15 working days from Monday 17 November, not 5 (24 November)
    expect((await terms(onTime.id, citizen)).reviewDueOn).toBe('2025-12-08');

    const late = await file(provider.id, citizen);
    expect((await terms(late.id, citizen)).forwardDueOn).toBe('2025-11-20');
    clock.set(at10('2025-11-21')); // Friday, a day after the forwarding term
    const lateFwd = await ok(FORWARD, { id: late.id, to: quality.head.id }, head);
    expect(lateFwd.forwardComplaint.kind).toBe('FORWARDED');
    expect(lateFwd.forwardComplaint.note).toMatch(/2025-11-20.*APPC Art\. 65/);
    const forwarded = await terms(late.id, citizen);
    expect(forwarded).toMatchObject({
      overdue: true,
      overdueReason: 'FORWARDING',
      registrationDueOn: '2025-11-21', // the quality-control body received it today: its own terms
      forwardDueOn: '2025-11-26',
      reviewBodyKind: 'QUALITY_CONTROL_BODY',
    });
    await ok(REGISTER, { id: late.id }, qualityHead);
    expect(await terms(late.id, citizen)).toMatchObject({ overdueReason: null, reviewDueOn: '2025-12-12' });
  });

  it('APPC Art. 76: an extension before the term ends is accepted; after it ends → CONFLICT, nothing written, still overdue', async () => {
    const provider = await admin.provider('ЦОН Ұзарту', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const head = await t.token('official', { officialId: provider.head.id });
    clock.set(at10('2025-11-17'));
    const inTime = await file(provider.id, citizen);
    const expired = await file(provider.id, citizen);
    await ok(REGISTER, { id: inTime.id }, head);
    await ok(REGISTER, { id: expired.id }, head);

    clock.set(at10('2025-11-24')); // the last day of the term: still in time
    const extended = await ok(EXTEND, { id: inTime.id, d: 2 }, head);
    expect(extended.extendReview.dueOn).toBe('2025-11-26');

    clock.set(at10('2025-11-25')); // the term of `expired` ended yesterday
    const before = await terms(expired.id, citizen);
    expect(before).toMatchObject({ overdue: true, overdueReason: 'REVIEW', reviewDueOn: '2025-11-24' });
    const refused = await t.query(EXTEND, { id: expired.id, d: 5 }, head);
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].extensions?.reviewDueOn).toBe('2025-11-24');
    const after = await terms(expired.id, citizen);
    expect(after).toEqual(before);
    expect(after.statusMarks.map((m: { kind: string }) => m.kind)).toEqual(['DELIVERED', 'REGISTERED']);
    // No decision in the term: the applicant is told where to go, and by when.
    expect(after.nextStep).toMatchObject({ code: 'QUALITY_CONTROL_BODY', deadline: '2026-02-25' });
  });

  it('APPC Art. 92: filed more than 3 months after learning of the act → refused without a reason, accepted with one, visible to the official', async () => {
    const provider = await admin.provider('ЦОН Кешігу', city);
    const clerk = await admin.official('Кеңсеов', { serviceProviderId: provider.id }, 'кеңсе маманы / специалист канцелярии');
    const iin = validIin();
    const citizen = await t.token('citizen', { iin });
    const head = await t.token('official', { officialId: provider.head.id });
    const clerkToken = await t.token('clerk', { officialId: clerk.id });
    clock.set(at10('2025-11-17'));
    const rows = await intakeRowCounts(t.system.subgraphs.intake.db);

    const noReason = await t.query(FILE, { i: complaintInput(provider.id, { violationLearnedOn: '2025-08-01' }) }, citizen);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lateFilingReason' });
    const future = await t.query(
      `mutation($i: OfficeComplaintInput!) { acceptOfficeComplaint(input: $i) { id } }`,
      { i: officeComplaintInput(provider.id, iin, { violationLearnedOn: '2025-11-18' }) },
      clerkToken,
    );
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.violationLearnedOn' });
    expect(await intakeRowCounts(t.system.subgraphs.intake.db)).toEqual(rows);

    const inTime = await ok(FILE, { i: complaintInput(provider.id, { violationLearnedOn: '2025-08-17' }) }, citizen);
    expect(inTime.fileComplaint).toMatchObject({ filingDeadline: '2025-11-17', lateFiling: null });
    const accepted = await ok(
      FILE,
      { i: complaintInput(provider.id, { violationLearnedOn: '2025-08-01', lateFilingReason: ' Был в больнице ' }) },
      citizen,
    );
    const seen = await ok(
      `query($id: ID!) { complaint(id: $id) { filingDeadline lateFiling { reason } handler { id } } }`,
      { id: accepted.fileComplaint.id },
      head,
    );
    expect(seen.complaint).toEqual({
      filingDeadline: '2025-11-03', // 3 months end on Saturday 1 November → Monday
      lateFiling: { reason: 'Был в больнице' },
      handler: { id: provider.head.id },
    });
    const office = await ok(
      `mutation($i: OfficeComplaintInput!) { acceptOfficeComplaint(input: $i) { filingDeadline lateFiling { reason } } }`,
      { i: officeComplaintInput(provider.id, iin, { violationLearnedOn: '2025-07-01', lateFilingReason: 'Не знал о решении' }) },
      clerkToken,
    );
    expect(office.acceptOfficeComplaint).toEqual({ filingDeadline: '2025-10-01', lateFiling: { reason: 'Не знал о решении' } });
  });

  it('APPC Art. 92: a 3-month term ending on a non-working day ends on the next working day of status\'s calendar', async () => {
    const provider = await admin.provider('ЦОН Демалыс', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    // 2025-08-01 + 3 months = Saturday 2025-11-01: the term ends on Monday 2025-11-03.
    clock.set(at10('2025-11-03'));
    const monday = await ok(FILE, { i: complaintInput(provider.id, { violationLearnedOn: '2025-08-01' }) }, citizen);
    expect(monday.fileComplaint).toMatchObject({ filingDeadline: '2025-11-03', lateFiling: null });
    clock.set(at10('2025-11-04'));
    const tuesday = await t.query(FILE, { i: complaintInput(provider.id, { violationLearnedOn: '2025-08-01' }) }, citizen);
    expect(tuesday.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lateFilingReason',
      filingDeadline: '2025-11-03',
    });
    // A holiday only status's calendar knows (Independence Day, Tuesday 2025-12-16): the term ends on the 17th.
    clock.set(at10('2025-12-17'));
    const afterHoliday = await ok(FILE, { i: complaintInput(provider.id, { violationLearnedOn: '2025-09-16' }) }, citizen);
    expect(afterHoliday.fileComplaint).toMatchObject({ filingDeadline: '2025-12-17', lateFiling: null });
  });

  it('APPC Art. 136: a decision on 2025-09-25 gives the court until Tuesday 2025-10-28, not Saturday 2025-10-25', async () => {
    const provider = await admin.provider('ЦОН Сот', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const head = await t.token('official', { officialId: provider.head.id });
    clock.set(at10('2025-09-25')); // Thursday
    const c = await file(provider.id, citizen);
    await ok(REGISTER, { id: c.id }, head);
    expect((await terms(c.id, citizen)).appealDeadline).toBeNull();
    await ok(`mutation($id: ID!) { recordReviewResult(complaintId: $id, result: REJECTED, note: "Отказано") { kind } }`, { id: c.id }, head);
    const decided = await terms(c.id, citizen);
    // 25–26 October 2025 are a weekend, Monday 27 October the day off for Republic Day.
    expect(decided.appealDeadline).toBe('2025-10-28');
    expect(decided.nextStep).toMatchObject({ code: 'COURT', deadline: '2025-10-28' });
    expect(decided.nextStep.legalBasis).toMatch(/Art\. 136/);
    expect(decided.forwardDueOn).toBeNull();
  });
});
