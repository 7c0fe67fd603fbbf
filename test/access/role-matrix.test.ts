/**
 * The role matrix of README "Who sees and does what", cell by cell, on a complaint forwarded from provider A to
 * provider B: through the gateway, and on the intake and status subgraphs directly (`_entities`), so no subgraph
 * answers more than the gateway would.
 */
import { complaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, postGraphQL, startTestSystem, type GraphQLResult, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from '../e2e/gateway-client';

type Cell = 'yes' | 'no' | 'FORBIDDEN';
type Row = { read: Cell; timeline: Cell; list: Cell; act: Cell };

/** README "Who sees and does what": the same table. */
const MATRIX: Record<string, Row> = {
  applicant: { read: 'yes', timeline: 'yes', list: 'FORBIDDEN', act: 'FORBIDDEN' },
  otherCitizen: { read: 'FORBIDDEN', timeline: 'FORBIDDEN', list: 'FORBIDDEN', act: 'FORBIDDEN' },
  receivingOfficial: { read: 'yes', timeline: 'yes', list: 'yes', act: 'yes' },
  receivingClerk: { read: 'yes', timeline: 'yes', list: 'yes', act: 'FORBIDDEN' },
  forwardingOfficial: { read: 'yes', timeline: 'yes', list: 'yes', act: 'FORBIDDEN' },
  forwardingClerk: { read: 'yes', timeline: 'yes', list: 'yes', act: 'FORBIDDEN' },
  outsiderOfficial: { read: 'FORBIDDEN', timeline: 'FORBIDDEN', list: 'no', act: 'FORBIDDEN' },
  outsiderClerk: { read: 'FORBIDDEN', timeline: 'FORBIDDEN', list: 'no', act: 'FORBIDDEN' },
  agency: { read: 'yes', timeline: 'yes', list: 'yes', act: 'FORBIDDEN' },
  admin: { read: 'yes', timeline: 'yes', list: 'yes', act: 'FORBIDDEN' },
};

const READ = `query($id: ID!) { complaint(id: $id) { id number } }`;
const TIMELINE = `query($id: ID!) { complaint(id: $id) { statusMarks { kind note } } }`;
const LIST = `{ complaints(first: 100) { edges { node { id } } } }`;
/** Passes the access check, then fails on input: "already with this official" proves the right to act, changing nothing. */
const ACT = `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "проверка") { id } }`;
const INTAKE_ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id number } } }`;
const STATUS_ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { statusMarks { kind note } } } }`;

const cell = (r: GraphQLResult, ok: (data: any) => boolean): Cell | string => {
  const code = r.errors?.[0]?.extensions?.code;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return 'FORBIDDEN';
  if (code) return code;
  return ok(r.data) ? 'yes' : 'no';
};

describe('the role matrix, cell by cell', () => {
  let t: TestSystem;
  let id: string;
  let receiver: string;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestSystem();
    const admin = new AdminThroughGateway(t, await t.token('admin'));
    const city = await admin.unit('город Матрица', null, `71${String(Date.now() % 1e7).padStart(7, '0')}`);
    const a = await admin.provider('ЦОН Матрица', city);
    const b = await admin.provider('Управление Матрица', city);
    const c = await admin.provider('Посторонний Матрица', city);
    const clerk = 'кеңсе қызметкері / сотрудник канцелярии';
    const iin = validIin();
    receiver = b.head.id;
    Object.assign(tok, {
      applicant: await t.token('citizen', { iin }),
      otherCitizen: await t.token('citizen', { iin: validIin() }),
      receivingOfficial: await t.token('official', { officialId: b.head.id }),
      receivingClerk: await t.token('clerk', { officialId: (await admin.official('Бкеңсе', { serviceProviderId: b.id }, clerk)).id }),
      forwardingOfficial: await t.token('official', { officialId: a.head.id }),
      forwardingClerk: await t.token('clerk', { officialId: (await admin.official('Акеңсе', { serviceProviderId: a.id }, clerk)).id }),
      outsiderOfficial: await t.token('official', { officialId: c.head.id }),
      outsiderClerk: await t.token('clerk', { officialId: (await admin.official('Ckеңсе', { serviceProviderId: c.id }, clerk)).id }),
      agency: await t.token('agency'),
      admin: await t.token('admin'),
    });
    id = (await t.query(`mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: complaintInput(a.id) }, tok.applicant)).data!
      .fileComplaint.id;
    await eventually(async () => expect((await t.query(TIMELINE, { id }, tok.forwardingOfficial)).data?.complaint.statusMarks).toHaveLength(1));
    const fwd = await t.query(ACT.replace('проверка', 'Құзыретіне жатпайды'), { id, to: b.head.id }, tok.forwardingOfficial);
    expect(fwd.errors).toBeUndefined();
    await eventually(async () => expect((await t.query(READ, { id }, tok.receivingClerk)).errors).toBeUndefined());
  });
  afterAll(() => t?.stop());

  it.each(Object.entries(MATRIX))('%s through the gateway', async (role, row) => {
    const token = tok[role];
    const got = {
      read: cell(await t.query(READ, { id }, token), (d) => d.complaint?.id === id),
      timeline: cell(await t.query(TIMELINE, { id }, token), (d) => d.complaint?.statusMarks?.length === 2),
      list: cell(await t.query(LIST, {}, token), (d) => d.complaints.edges.some((e: any) => e.node.id === id)),
      act: ((r: GraphQLResult) => (r.errors?.[0]?.extensions?.field === 'toOfficialId' ? 'yes' : cell(r, () => false)))(
        await t.query(ACT, { id, to: receiver }, token),
      ),
    };
    expect(got).toEqual(row);
  });

  it.each(Object.entries(MATRIX))('%s on the intake and status subgraphs directly', async (role, row) => {
    const token = tok[role];
    const intake = await postGraphQL(t.system.subgraphs.intake.url, INTAKE_ENTITY, { r: [{ __typename: 'Complaint', id }] }, token);
    const status = await postGraphQL(
      t.system.subgraphs.status.url,
      STATUS_ENTITY,
      { r: [{ __typename: 'Complaint', id, handler: { id: receiver } }] },
      token,
    );
    const direct = {
      read: cell(intake, (d) => d._entities?.[0]?.id === id),
      timeline: cell(status, (d) => d._entities?.[0]?.statusMarks?.length === 2),
    };
    expect(direct).toEqual({ read: row.read, timeline: row.timeline });
  });
});
