/**
 * Access follows the complaint (issue 12) and every subgraph enforces it directly (issue 13, item 3): through the
 * gateway, and on the intake and status subgraphs' own URLs (queries, `_entities`, subscriptions).
 */
import { complaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, postGraphQL, startTestSystem, type GraphQLResult, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { AdminThroughGateway } from '../e2e/gateway-client';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id number } }`;
const READ = `query($id: ID!) { complaint(id: $id) { id number applicant { surname } handler { id } currentHandler { id }
  status statusMarks { id kind note actor { id } assignee { id serviceProvider { nameRu } } } } }`;
const LIST = `{ complaints(first: 100) { totalCount edges { node { id } } } }`;
const FORWARD = `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Не наша компетенция") { id kind } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { kind actor { id } } }`;
const STATUS_OF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { status statusMarks { note } registrationNumber } } }`;
const MARK_OF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on StatusMark { id note actor { id } } } }`;
const INTAKE_OF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { number applicant { surname } } } }`;

const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
const listed = (r: GraphQLResult, id: string) => (r.data?.complaints.edges as { node: { id: string } }[]).some((e) => e.node.id === id);

describe('access follows the complaint', () => {
  let t: TestSystem;
  let admin: AdminThroughGateway;
  let tok: Record<string, string>;
  let ids: Record<string, string>;
  let complaintId: string;
  let forwardMarkId: string;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = new AdminThroughGateway(t, await t.token('admin'));
    const city = await admin.unit('город Доступ', null, `71${String(Date.now() % 1e7).padStart(7, '0')}`);
    const a = await admin.provider('ЦОН Первый', city);
    const b = await admin.provider('Управление Второе', city);
    const c = await admin.provider('Посторонний', city);
    const quality = await admin.provider('Сапа бақылау департаменті', city, 'QUALITY_CONTROL_BODY');
    const qClerk = await admin.official('Сапакеңсе', { serviceProviderId: quality.id }, 'кеңсе қызметкері / сотрудник канцелярии');
    const a2 = await admin.official('Әлиев', { serviceProviderId: a.id });
    const aClerk = await admin.official('Кеңсеқызы', { serviceProviderId: a.id }, 'кеңсе қызметкері / сотрудник канцелярии');
    const b2 = await admin.official('Бекова', { serviceProviderId: b.id });
    const bClerk = await admin.official('Кеңсебаев', { serviceProviderId: b.id }, 'кеңсе қызметкері / сотрудник канцелярии');
    const outsider = await admin.official('Бөтенов', { serviceProviderId: c.id });
    ids = { a: a.id, b: b.id, aHead: a.head.id, bHead: b.head.id, a2: a2.id, b2: b2.id, outsider: outsider.id, qHead: quality.head.id };
    const iin = validIin();
    tok = {
      citizen: await t.token('citizen', { iin }),
      aHead: await t.token('official', { officialId: a.head.id }),
      a2: await t.token('official', { officialId: a2.id }),
      aClerk: await t.token('clerk', { officialId: aClerk.id }),
      bHead: await t.token('official', { officialId: b.head.id }),
      b2: await t.token('official', { officialId: b2.id }),
      bClerk: await t.token('clerk', { officialId: bClerk.id }),
      outsider: await t.token('official', { officialId: outsider.id }),
      agency: await t.token('agency'),
      qClerk: await t.token('clerk', { officialId: qClerk.id }),
      admin: await t.token('admin'),
    };
    const filed = await t.query(FILE, { i: complaintInput(a.id) }, tok.citizen);
    complaintId = filed.data!.fileComplaint.id;
    await eventually(async () => expect((await t.query(READ, { id: complaintId }, tok.aHead)).data?.complaint.status).toBe('DELIVERED'));
  });
  afterAll(() => t?.stop());

  it('before forwarding: the first body reads, lists and acts; the other body is refused and does not list it', async () => {
    expect((await t.query(READ, { id: complaintId }, tok.a2)).data?.complaint.currentHandler).toEqual({ id: ids.aHead });
    expect(listed(await t.query(LIST, {}, tok.aClerk), complaintId)).toBe(true);
    expect(code(await t.query(READ, { id: complaintId }, tok.b2))).toBe('FORBIDDEN');
    expect(listed(await t.query(LIST, {}, tok.b2), complaintId)).toBe(false);
    expect(code(await t.query(REGISTER, { id: complaintId }, tok.b2))).toBe('FORBIDDEN');
  });

  it('after forwarding: the receiving body reads, lists and acts; the forwarding body reads only; others nothing', async () => {
    const fwd = await t.query(FORWARD, { id: complaintId, to: ids.bHead }, tok.a2);
    expect(fwd.errors).toBeUndefined();
    forwardMarkId = fwd.data!.forwardComplaint.id;

    // Intake learns the new holder through status's outbox: eventually, never lost.
    await eventually(async () => expect(listed(await t.query(LIST, {}, tok.b2), complaintId)).toBe(true));
    const seen = await t.query(READ, { id: complaintId }, tok.bClerk);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.complaint.handler).toEqual({ id: ids.aHead }); // chosen at filing
    expect(seen.data!.complaint.currentHandler).toEqual({ id: ids.bHead }); // has it now
    const forwarded = seen.data!.complaint.statusMarks.find((m: { kind: string }) => m.kind === 'FORWARDED');
    expect(forwarded.actor).toEqual({ id: ids.a2 });
    expect(forwarded.assignee).toEqual({ id: ids.bHead, serviceProvider: { nameRu: 'Управление Второе' } });

    // The receiving body registers it anew; the forwarding body may no longer act.
    expect(code(await t.query(REGISTER, { id: complaintId }, tok.a2))).toBe('FORBIDDEN');
    const reg = await t.query(REGISTER, { id: complaintId }, tok.b2);
    expect(reg.errors).toBeUndefined();
    expect(reg.data!.registerComplaint.actor).toEqual({ id: ids.b2 });

    // The forwarding body keeps read access to the record of what it did, and its list still shows it.
    expect((await t.query(READ, { id: complaintId }, tok.aClerk)).errors).toBeUndefined();
    expect(listed(await t.query(LIST, {}, tok.a2), complaintId)).toBe(true);

    // Nobody else gains anything.
    expect(code(await t.query(READ, { id: complaintId }, tok.outsider))).toBe('FORBIDDEN');
    expect(listed(await t.query(LIST, {}, tok.outsider), complaintId)).toBe(false);
    expect(code(await t.query(`query($n: String!) { complaintByNumber(number: $n) { id } }`, { n: seen.data!.complaint.number }, tok.outsider))).toBe('FORBIDDEN');
  });

  it('status answers no more than the gateway, on its own URL: queries and _entities of complaints and marks', async () => {
    const status = t.system.subgraphs.status.url;
    const intake = t.system.subgraphs.intake.url;
    const complaintRef = { r: [{ __typename: 'Complaint', id: complaintId, handler: { id: ids.aHead } }] };
    const markRef = { r: [{ __typename: 'StatusMark', id: forwardMarkId }] };
    for (const who of ['outsider'] as const) {
      const timeline = await postGraphQL(status, STATUS_OF, complaintRef, tok[who]);
      expect([who, code(timeline), timeline.data?._entities?.[0] ?? null]).toEqual([who, 'FORBIDDEN', null]);
      const mark = await postGraphQL(status, MARK_OF, markRef, tok[who]);
      expect([who, code(mark), mark.data?._entities?.[0] ?? null]).toEqual([who, 'FORBIDDEN', null]);
      const intakeRow = await postGraphQL(intake, INTAKE_OF, { r: [{ __typename: 'Complaint', id: complaintId }] }, tok[who]);
      expect([who, code(intakeRow), intakeRow.data?._entities?.[0] ?? null]).toEqual([who, 'FORBIDDEN', null]);
    }
    const strangerCitizen = await t.token('citizen', { iin: validIin() });
    expect(code(await postGraphQL(status, MARK_OF, markRef, strangerCitizen))).toBe('FORBIDDEN');
    for (const who of ['citizen', 'a2', 'aClerk', 'b2', 'bClerk', 'agency'] as const) {
      const timeline = await postGraphQL(status, STATUS_OF, complaintRef, tok[who]);
      expect([who, timeline.errors]).toEqual([who, undefined]);
      const mark = await postGraphQL(status, MARK_OF, markRef, tok[who]);
      expect([who, mark.data?._entities?.[0]?.id]).toEqual([who, forwardMarkId]);
    }
    expect(code(await postGraphQL(status, STATUS_OF, complaintRef))).toBe('UNAUTHENTICATED');
  });

  it('subscriptions: staff of another body are refused on the status subgraph and through the gateway', async () => {
    const SUB = `subscription($id: ID, $after: String) { statusMarkAdded(complaintId: $id, after: $after) { kind } }`;
    const fromStart = { id: complaintId, after: '0'.repeat(16) };
    for (const url of [t.system.subgraphs.status.url, t.url]) {
      const outsider = wsClient(url, tok.outsider);
      const refused = collect(outsider, SUB, fromStart);
      await refused.next(1);
      expect([url, JSON.stringify(refused.results[0]?.errors ?? refused.error)]).toEqual([url, expect.stringContaining('FORBIDDEN')]);
      await outsider.dispose();
      // The receiving body's clerk replays the timeline (read access), from the first mark.
      const receiver = wsClient(url, tok.bClerk);
      const allowed = collect(receiver, SUB, fromStart);
      await allowed.next(1);
      expect([url, allowed.results[0]?.data?.statusMarkAdded]).toEqual([url, { kind: 'DELIVERED' }]);
      await receiver.dispose();
    }
  });

  it('forward on to the quality-control body: its staff take over, both earlier bodies keep reading; a deactivated official sees nothing', async () => {
    const fwd = await t.query(FORWARD, { id: complaintId, to: ids.qHead }, tok.b2);
    expect(fwd.errors).toBeUndefined();
    await eventually(async () => expect(listed(await t.query(LIST, {}, tok.qClerk), complaintId)).toBe(true));
    const seen = await t.query(READ, { id: complaintId }, tok.qClerk);
    expect(seen.data?.complaint.currentHandler).toEqual({ id: ids.qHead });
    expect(seen.data?.complaint.statusMarks.filter((m: { kind: string }) => m.kind === 'FORWARDED')).toHaveLength(2);
    for (const who of ['a2', 'aClerk', 'b2', 'bClerk'] as const) {
      expect([who, (await t.query(READ, { id: complaintId }, tok[who])).errors]).toEqual([who, undefined]);
    }
    expect(code(await t.query(REGISTER, { id: complaintId }, tok.b2))).toBe('FORBIDDEN');
    expect(code(await t.query(READ, { id: complaintId }, tok.outsider))).toBe('FORBIDDEN');

    // Deactivated in the directory: refused by the gateway and by each subgraph.
    const off = await t.query(`mutation($id: ID!) { deactivateOfficial(id: $id) { id } }`, { id: ids.a2 }, tok.admin);
    expect(off.errors).toBeUndefined();
    await eventually(async () => expect(code(await t.query(READ, { id: complaintId }, tok.a2))).toBe('FORBIDDEN'));
    expect(listed(await t.query(LIST, {}, tok.a2), complaintId)).toBe(false);
    const timeline = await postGraphQL(t.system.subgraphs.status.url, STATUS_OF, { r: [{ __typename: 'Complaint', id: complaintId }] }, tok.a2);
    expect(code(timeline)).toBe('FORBIDDEN');
  });
});
