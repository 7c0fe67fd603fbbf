/**
 * The inter-agency view is depersonalised, and its statistics break complaints down (issue 12), through the gateway
 * and on the subgraphs directly.
 */
import { complaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from '../e2e/gateway-client';
import { TrackedComplaint } from '../../subgraphs/status/complaints/tracked-complaint.entity';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`;
const READ = `query($id: ID!) { complaint(id: $id) {
  applicant { iin surname name patronymic postalAddress phones } reasons demands statusMarks { kind note } } }`;
const STATS = `query($f: ComplaintStatisticsFilter) { complaintStatistics(filter: $f) {
  total byChannel { channel count } byAddressee { addressee count } byReviewBodyKind { reviewBodyKind count }
  byResult { result count } lateRegistrations lateForwards overdueReviews } }`;

describe('the agency view', () => {
  let t: TestSystem;
  let admin: AdminThroughGateway;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = new AdminThroughGateway(t, await t.token('admin'));
  });
  afterAll(() => t?.stop());

  it('is depersonalised: masked IIN, initials, no address or phones, applicant data masked in text and notes', async () => {
    const city = await admin.unit('город Агент', null, `71${String(Date.now() % 1e7).padStart(7, '0')}`);
    const provider = await admin.provider('ЦОН Агент', city);
    const iin = validIin();
    const citizen = await t.token('citizen', { iin });
    const official = await t.token('official', { officialId: provider.head.id });
    const filed = await t.query(
      FILE,
      { i: complaintInput(provider.id, { reasons: 'Мен, Ахметова Дина, +7 701 123 45 67 телефонымен хабарласқанмын.' }) },
      citizen,
    );
    const id = filed.data!.fileComplaint.id;
    await eventually(async () => expect((await t.query(READ, { id }, official)).data?.complaint.statusMarks).toHaveLength(1));
    await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id }, official);
    const note = `Ахметова Д. (ИИН ${iin}) анықтаманы алды`;
    const done = await t.query(
      `mutation($id: ID!, $n: String!) { recordReviewResult(complaintId: $id, result: SATISFIED, note: $n) { kind } }`,
      { id, n: note },
      official,
    );
    expect(done.errors).toBeUndefined();

    const agency = await t.token('agency');
    const seen = (await t.query(READ, { id }, agency)).data!.complaint;
    expect(seen.applicant).toEqual({
      iin: `${iin.slice(0, 4)}******${iin.slice(10)}`,
      surname: 'А.',
      name: 'Д.',
      patronymic: 'М.',
      postalAddress: null,
      phones: [],
    });
    expect(seen.reasons).toBe('Мен, *** ***, *** телефонымен хабарласқанмын.');
    expect(seen.statusMarks.at(-1).note).toBe('*** Д. (ИИН ***) анықтаманы алды');
    // The same on the status subgraph directly.
    const direct = await postGraphQL(
      t.system.subgraphs.status.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { statusMarks { note } } } }`,
      { r: [{ __typename: 'Complaint', id, handler: { id: provider.head.id } }] },
      agency,
    );
    expect(direct.data!._entities[0].statusMarks.at(-1).note).toBe('*** Д. (ИИН ***) анықтаманы алды');
    // Staff of the handling body see it as it is.
    const staff = (await t.query(READ, { id }, official)).data!.complaint;
    expect([staff.applicant.surname, staff.statusMarks.at(-1).note]).toEqual(['Ахметова', note]);
  });

  it('statistics count by channel, addressee, body kind and result, and late registrations, forwards and reviews', async () => {
    const city = await admin.unit('город Статистика', null, `71${String((Date.now() + 7) % 1e7).padStart(7, '0')}`);
    const provider = await admin.provider('ЦОН Статистика', city);
    const other = await admin.provider('Басқа ЦОН', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    const official = await t.token('official', { officialId: provider.head.id });
    const ids: string[] = [];
    for (const over of [{}, { addressee: 'PORTAL' }, {}]) {
      ids.push((await t.query(FILE, { i: complaintInput(provider.id, over) }, citizen)).data!.fileComplaint.id);
    }
    const status = t.system.subgraphs.status.db.getRepository(TrackedComplaint);
    await eventually(async () => expect(await status.countBy(ids.map((complaintId) => ({ complaintId })))).toBe(3));
    // Received on Monday 2025-01-06 (a working day): registering or forwarding them now is late.
    await status.update(ids, { submittedAt: new Date('2025-01-06T04:00:00Z'), receivedOn: '2025-01-06' });
    await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id: ids[0] }, official);
    await t.query(
      `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Құзыретіне жатпайды") { kind } }`,
      { id: ids[1], to: other.head.id },
      official,
    );
    const r = await t.query(STATS, { f: { serviceProviderId: provider.id, filedFrom: '2025-01-06', filedTo: '2025-01-06' } }, await t.token('agency'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.complaintStatistics).toEqual({
      total: 3,
      byChannel: [{ channel: 'PORTAL', count: 3 }],
      byAddressee: [
        { addressee: 'PORTAL', count: 1 },
        { addressee: 'SERVICE_PROVIDER_HEAD', count: 2 },
      ],
      byReviewBodyKind: [{ reviewBodyKind: 'SERVICE_PROVIDER', count: 3 }],
      byResult: [],
      lateRegistrations: 2, // one registered late, one still unregistered (the forwarded one starts anew: not counted)
      lateForwards: 1,
      // Registered now, its review term still counts from 2025-01-06 (complaint-terms: a late registration never
      // moves the end of the term), so it has passed.
      overdueReviews: 1,
    });
    const refused = await t.query(STATS, {}, official);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
