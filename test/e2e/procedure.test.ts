/**
 * The seed's procedure end to end, through the gateway only (HTTP and graphql-ws): directory set-up by admin
 * mutations, filing on both channels, routing, the cabinet's live marks, review, forwarding, extension, and the
 * inter-agency view.
 */
import { complaintInput, officeComplaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { AdminThroughGateway } from './gateway-client';

const FROM_START = '0'.repeat(16);
const CABINET = `subscription($after: String) {
  statusMarkAdded(after: $after) { kind at result cursor complaint { id number handler { surname name position } } } }`;
const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id number handler { id surname } } }`;
const STATUS = `query($id: ID!) { complaint(id: $id) {
  number status registrationNumber registeredAt reviewDueOn overdue appealDeadline
  nextStep { descriptionRu legalBasis deadline } statusMarks { kind } } }`;

describe('the complaint procedure through the gateway', () => {
  let t: TestSystem;
  let admin: AdminThroughGateway;
  let city: string;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = new AdminThroughGateway(t, await t.token('admin'));
    city = await admin.unit('город Тест', null, `71${String(Date.now() % 1e7).padStart(7, '0')}`);
  });
  afterAll(() => t?.stop());

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const r = await t.query(query, variables, token);
    expect(r.errors).toBeUndefined();
    return r.data as T;
  }

  it('1. portal: the cabinet sees DELIVERED live, then registration, execution and the result, then the court', async () => {
    const provider = await admin.provider('ЦОН Тест', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const official = await t.token('official', { officialId: provider.head.id });
    const cabinet = wsClient(t.url, citizen);
    try {
      const stream = collect(cabinet, CABINET, { after: FROM_START });
      // A first complaint's DELIVERED proves the stream is live before the one we follow is filed.
      await ok(FILE, { i: complaintInput(provider.id) }, citizen);
      await stream.next(1);
      const { fileComplaint: c } = await ok(FILE, { i: complaintInput(provider.id) }, citizen);
      expect(c.handler).toEqual({ id: provider.head.id, surname: provider.head.surname });
      await stream.next(2);

      const reg = await ok(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id: c.id }, official);
      expect(reg.registerComplaint.kind).toBe('REGISTERED');
      const afterReg = (await ok(STATUS, { id: c.id }, citizen)).complaint;
      expect(afterReg.registrationNumber).toEqual(expect.any(String));
      const registeredOn = afterReg.registeredAt.slice(0, 10);
      const due = await ok(`query($d: Date!) { addWorkingDays(from: $d, days: 5) }`, { d: registeredOn }, citizen);
      expect(afterReg.reviewDueOn).toBe(due.addWorkingDays); // Law "On Public Services" Art. 25: 5 working days
      expect(afterReg.overdue).toBe(false);

      await ok(`mutation($id: ID!) { startExecution(complaintId: $id) { kind } }`, { id: c.id }, official);
      await ok(
        `mutation($id: ID!) { recordReviewResult(complaintId: $id, result: SATISFIED, note: "Справка выдана") { kind } }`,
        { id: c.id },
        official,
      );

      const marks = (await stream.next(5)).slice(1).map((r) => r.data!.statusMarkAdded);
      expect(marks.map((m) => m.kind)).toEqual(['DELIVERED', 'REGISTERED', 'IN_EXECUTION', 'REVIEWED']);
      expect(marks.every((m) => m.complaint.number === c.number)).toBe(true);
      expect(marks[3].complaint.handler).toEqual({
        surname: provider.head.surname,
        name: provider.head.name,
        position: provider.head.position,
      });
      expect(marks[3].result).toBe('SATISFIED');
      const cursors = marks.map((m) => m.cursor);
      expect([...cursors].sort()).toEqual(cursors);

      const done = (await ok(STATUS, { id: c.id }, citizen)).complaint;
      expect(done.status).toBe('REVIEWED');
      expect(done.nextStep.legalBasis).toMatch(/136/);
      expect(done.appealDeadline).toBe(done.nextStep.deadline);
    } finally {
      await cabinet.dispose();
    }
  });

  it('2. office: the talon shows the date-time and the clerk; another official of the office finds the progress by number', async () => {
    const provider = await admin.provider('Офис Тест', city);
    const clerk = await admin.official('Кеңсеқызметкері', { serviceProviderId: provider.id }, 'кеңсе маманы / специалист канцелярии');
    const colleague = await admin.official('Әріптес', { serviceProviderId: provider.id });
    const clerkToken = await t.token('clerk', { officialId: clerk.id });
    const before = Date.now();
    const accepted = await ok(
      `mutation($i: OfficeComplaintInput!) { acceptOfficeComplaint(input: $i) {
         number channel talon { number issuedAt acceptedBy { id surname position } } } }`,
      { i: officeComplaintInput(provider.id, validIin()) },
      clerkToken,
    );
    const talon = accepted.acceptOfficeComplaint.talon;
    expect(accepted.acceptOfficeComplaint.channel).toBe('OFFICE');
    expect(talon.acceptedBy).toEqual({ id: clerk.id, surname: clerk.surname, position: clerk.position });
    expect(talon.issuedAt).toMatch(/\+05:00$/);
    expect(Date.parse(talon.issuedAt)).toBeGreaterThanOrEqual(before - 1000);

    const colleagueToken = await t.token('official', { officialId: colleague.id });
    const progress = await eventually(async () => {
      const d = await ok(
        `query($n: String!) { complaintByNumber(number: $n) { talon { number } status statusMarks { kind } } }`,
        { n: accepted.acceptOfficeComplaint.number },
        colleagueToken,
      );
      expect(d.complaintByNumber.statusMarks).toHaveLength(1);
      return d.complaintByNumber;
    });
    expect(progress).toEqual({ talon: { number: talon.number }, status: 'DELIVERED', statusMarks: [{ kind: 'DELIVERED' }] });
  });

  it('3. akim and portal addressees route to the right officials; forwarding and an extension', async () => {
    const district = await admin.unit('район Тест', city, `${city.slice(0, 4)}${String(Date.now() % 1e5).padStart(5, '0')}`);
    const provider = await admin.provider('Қызмет Тест', district); // a district body: its akims are the district's and above
    const akim = await admin.official('Әкімов', { katoCode: city }, 'әкім / аким');
    await admin.setAkim(city, akim.id);
    const specialist = await admin.official('Мекенжайов', { serviceProviderId: provider.id });
    await admin.competence(specialist.id, 'Мекенжай анықтамасы');
    const citizen = await t.token('citizen', { iin: validIin() });

    // AKIM of a district with no akim on record → the akim of the unit above.
    const toAkim = await ok(FILE, { i: complaintInput(provider.id, { addressee: 'AKIM', katoCode: district }) }, citizen);
    expect(toAkim.fileComplaint.handler).toEqual({ id: akim.id, surname: akim.surname });
    // PORTAL → the provider's official competent for the public service.
    const toPortal = await ok(
      FILE,
      { i: complaintInput(provider.id, { addressee: 'PORTAL', publicService: 'Мекенжай анықтамасы' }) },
      citizen,
    );
    expect(toPortal.fileComplaint.handler).toEqual({ id: specialist.id, surname: specialist.surname });

    // Outside the akim's competence: forwarded to the provider's specialist, who finishes it (APPC Art. 65).
    const id = toAkim.fileComplaint.id;
    await eventually(async () => expect((await ok(STATUS, { id }, citizen)).complaint.status).toBe('DELIVERED'));
    const akimToken = await t.token('official', { officialId: akim.id });
    const specialistToken = await t.token('official', { officialId: specialist.id });
    await ok(
      `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Не в компетенции акимата") { kind } }`,
      { id, to: specialist.id },
      akimToken,
    );
    const refused = await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id }, akimToken);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id }, specialistToken);
    const due = (await ok(STATUS, { id }, citizen)).complaint.reviewDueOn;
    await ok(
      `mutation($id: ID!) { extendReview(complaintId: $id, workingDays: 5, reason: "Нужен запрос в другой орган") { kind } }`,
      { id },
      specialistToken,
    );
    const extended = (await ok(STATUS, { id }, citizen)).complaint.reviewDueOn;
    expect(extended).toBe((await ok(`query($d: Date!) { addWorkingDays(from: $d, days: 5) }`, { d: due }, citizen)).addWorkingDays);
    await ok(`mutation($id: ID!) { startExecution(complaintId: $id) { kind } }`, { id }, specialistToken);
    await ok(
      `mutation($id: ID!) { recordReviewResult(complaintId: $id, result: PARTIALLY_SATISFIED, note: "Частично") { kind } }`,
      { id },
      specialistToken,
    );
    const final = (await ok(STATUS, { id }, citizen)).complaint;
    expect(final.statusMarks.map((m: { kind: string }) => m.kind)).toEqual([
      'DELIVERED',
      'FORWARDED',
      'REGISTERED',
      'EXTENDED',
      'IN_EXECUTION',
      'REVIEWED',
    ]);
  });

  it('4. an inter-agency consumer lists complaints with masked IIN and reads statistics', async () => {
    const provider = await admin.provider('Статистика Тест', city);
    const iin = validIin();
    const citizen = await t.token('citizen', { iin });
    const filed = await ok(FILE, { i: complaintInput(provider.id) }, citizen);
    const agency = await t.token('agency');
    const list = await ok(
      `query($p: ID!) { complaints(filter: { serviceProviderId: $p }, first: 10) {
         totalCount edges { node { id applicant { iin postalAddress phones } } } } }`,
      { p: provider.id },
      agency,
    );
    expect(list.complaints.totalCount).toBe(1);
    expect(list.complaints.edges[0].node).toEqual({
      id: filed.fileComplaint.id,
      applicant: { iin: `${iin.slice(0, 4)}******${iin.slice(10)}`, postalAddress: null, phones: [] },
    });
    const stats = await eventually(async () => {
      const d = await ok(
        `query($p: ID!) { complaintStatistics(filter: { serviceProviderId: $p }) { total overdue byStatus { status count } } }`,
        { p: provider.id },
        agency,
      );
      expect(d.complaintStatistics.total).toBe(1);
      return d.complaintStatistics;
    });
    expect(stats).toEqual({ total: 1, overdue: 0, byStatus: [{ status: 'DELIVERED', count: 1 }] });
  });
});
