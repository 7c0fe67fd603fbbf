/**
 * Where access (issue 12) meets terms (issue 11): a complaint filed late (APPC Art. 92) and forwarded late
 * (APPC Art. 65) to the quality-control body. The new holder reads it with its late-filing reason and its terms,
 * the body kind is the directory's, the forwarding body keeps reading it, and the agency's statistics count the
 * late forward by the same rule (status/complaint-terms.ts). On a clock the test sets; November 2025 has no holidays.
 */
import { SettableClock } from '../../platform/clock';
import { complaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from '../e2e/gateway-client';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`;
const READ = `query($id: ID!) { complaint(id: $id) {
  lateFiling { reason } currentHandler { id } reviewBodyKind registrationDueOn forwardDueOn overdueReason
  overdueReasonLabel { kk ru } statusMarks { kind } } }`;
const LIST = `{ complaints(first: 100) { edges { node { id lateFiling { reason } } } } }`;
const FORWARD = `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Вне компетенции") { kind } }`;
const STATS = `query($f: ComplaintStatisticsFilter) { complaintStatistics(filter: $f) { total lateForwards byReviewBodyKind { reviewBodyKind count } } }`;

const at10 = (date: string) => `${date}T05:00:00Z`;

describe('a forward carries the terms and the late filing to the new holder', () => {
  const clock = new SettableClock(at10('2025-11-17'));
  let t: TestSystem;
  let admin: AdminThroughGateway;

  beforeAll(async () => {
    t = await startTestSystem({}, { clock });
    admin = new AdminThroughGateway(t, await t.token('admin'));
  });
  afterAll(() => t?.stop());

  it('late-filed, forwarded late to the quality-control body: the new holder sees it all, the old one reads it, outsiders nothing', async () => {
    const city = await admin.unit('город Тоғысу');
    const provider = await admin.provider('ЦОН Тоғысу', city);
    const quality = await admin.provider('Сапа комитеті Тоғысу', city, 'QUALITY_CONTROL_BODY');
    const qClerk = await admin.official('Сапакеңсеов', { serviceProviderId: quality.id }, 'кеңсе қызметкері / сотрудник канцелярии');
    const outsider = await admin.provider('Бөтен ЦОН', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const head = await t.token('official', { officialId: provider.head.id });
    const qClerkToken = await t.token('clerk', { officialId: qClerk.id });
    const outsiderToken = await t.token('official', { officialId: outsider.head.id });

    clock.set(at10('2025-11-17')); // Monday
    const filed = await t.query(
      FILE,
      { i: complaintInput(provider.id, { violationLearnedOn: '2025-08-01', lateFilingReason: 'Был в больнице' }) },
      citizen,
    );
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileComplaint.id;
    await eventually(async () => expect((await t.query(READ, { id }, head)).data?.complaint.statusMarks).toHaveLength(1));

    clock.set(at10('2025-11-21')); // Friday: the forwarding term ended on Thursday 20 November
    const fwd = await t.query(FORWARD, { id, to: quality.head.id }, head);
    expect(fwd.errors).toBeUndefined();

    // Intake hears of the new holder through status's outbox; then the quality-control body's clerk lists and reads it.
    await eventually(async () => {
      const list = await t.query(LIST, {}, qClerkToken);
      expect(list.data?.complaints.edges).toContainEqual({ node: { id, lateFiling: { reason: 'Был в больнице' } } });
    });
    const seen = await t.query(READ, { id }, qClerkToken);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.complaint).toMatchObject({
      lateFiling: { reason: 'Был в больнице' },
      currentHandler: { id: quality.head.id },
      reviewBodyKind: 'QUALITY_CONTROL_BODY', // the directory's answer, not assumed from the forward
      registrationDueOn: '2025-11-21',
      forwardDueOn: '2025-11-26',
      overdueReason: 'FORWARDING',
      overdueReasonLabel: { ru: 'Просрочено направление по компетенции' },
    });

    // Intake's list filter follows the same rule (status sends overdueFrom): forwarded late, not registered yet.
    const overdueIds = async (token: string, overdue: boolean) => {
      const r = await t.query(`query($o: Boolean) { complaints(filter: { overdue: $o }, first: 100) { edges { node { id } } } }`, { o: overdue }, token);
      expect(r.errors).toBeUndefined();
      return (r.data!.complaints.edges as { node: { id: string } }[]).map((e) => e.node.id);
    };
    await eventually(async () => expect(await overdueIds(qClerkToken, true)).toEqual([id]));
    expect(await overdueIds(qClerkToken, false)).toEqual([]);

    // The forwarding body keeps read access; a body that never held it gets nothing.
    const before = await t.query(READ, { id }, head);
    expect([before.errors, before.data?.complaint.lateFiling]).toEqual([undefined, { reason: 'Был в больнице' }]);
    const refused = await t.query(READ, { id }, outsiderToken);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // The agency counts the late forward by the same rule.
    const stats = await t.query(STATS, { f: { serviceProviderId: provider.id } }, await t.token('agency'));
    expect(stats.errors).toBeUndefined();
    expect(stats.data!.complaintStatistics).toEqual({
      total: 1,
      lateForwards: 1,
      byReviewBodyKind: [{ reviewBodyKind: 'QUALITY_CONTROL_BODY', count: 1 }],
    });

    // Registered by the new body: no longer overdue, in status and in intake's list.
    const qHead = await t.token('official', { officialId: quality.head.id });
    expect((await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id }, qHead)).errors).toBeUndefined();
    expect((await t.query(READ, { id }, qClerkToken)).data!.complaint.overdueReason).toBeNull();
    await eventually(async () => expect(await overdueIds(qClerkToken, false)).toEqual([id]));
    expect(await overdueIds(qClerkToken, true)).toEqual([]);
  });

  it('an unregistered complaint is listed as overdue from the day after its registration was due (APPC Art. 63(2))', async () => {
    const city = await admin.unit('город Тіркеу');
    const provider = await admin.provider('ЦОН Тіркеу', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const head = await t.token('official', { officialId: provider.head.id });
    const list = async (overdue: boolean) => {
      const r = await t.query(`query($o: Boolean) { complaints(filter: { overdue: $o }, first: 100) { edges { node { id } } } }`, { o: overdue }, head);
      expect(r.errors).toBeUndefined();
      return (r.data!.complaints.edges as { node: { id: string } }[]).map((e) => e.node.id);
    };
    clock.set(at10('2025-11-15')); // Saturday: registration due Monday 17 November
    const filed = await t.query(FILE, { i: complaintInput(provider.id) }, citizen);
    const id = filed.data!.fileComplaint.id;
    await eventually(async () => expect((await t.query(READ, { id }, head)).data?.complaint.statusMarks).toHaveLength(1));
    clock.set(at10('2025-11-17'));
    await eventually(async () => expect(await list(false)).toEqual([id]));
    expect(await list(true)).toEqual([]);
    clock.set(at10('2025-11-18'));
    expect(await list(true)).toEqual([id]);
    expect((await t.query(READ, { id }, head)).data!.complaint.overdueReason).toBe('REGISTRATION');
  });
});
