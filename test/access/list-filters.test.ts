/**
 * Staff lists can be worked (issue 12): `complaints(filter:)` by status, overdue, current handler, current body and
 * due date. Intake answers them from the copies status sends through its outbox (ComplaintStatusChanged,
 * ComplaintHandlerChanged), applied once and in version order.
 */
import { randomUUID } from 'node:crypto';
import { TokenService } from '../../platform/auth';
import { eventsUrl } from '../../contracts/events';
import { complaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from '../e2e/gateway-client';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`;
const LIST = `query($f: ComplaintFilter) { complaints(filter: $f, first: 100) { totalCount edges { node { id status } } } }`;

describe('staff list filters', () => {
  let t: TestSystem;
  let ids: string[];
  let tok: Record<string, string>;
  let a: { id: string; head: { id: string } };
  let b: { id: string; head: { id: string } };

  const listed = async (filter: Record<string, unknown>, token = tok.aHead) => {
    const r = await t.query(LIST, { f: filter }, token);
    expect(r.errors).toBeUndefined();
    return (r.data!.complaints.edges as { node: { id: string } }[]).map((e) => e.node.id).sort();
  };

  beforeAll(async () => {
    t = await startTestSystem();
    const admin = new AdminThroughGateway(t, await t.token('admin'));
    const city = await admin.unit('город Списки', null, `71${String(Date.now() % 1e7).padStart(7, '0')}`);
    a = await admin.provider('ЦОН Списки', city);
    b = await admin.provider('Управление Списки', city);
    const citizen = await t.token('citizen', { iin: validIin() });
    tok = {
      aHead: await t.token('official', { officialId: a.head.id }),
      bHead: await t.token('official', { officialId: b.head.id }),
    };
    ids = [];
    for (let i = 0; i < 3; i++) ids.push((await t.query(FILE, { i: complaintInput(a.id) }, citizen)).data!.fileComplaint.id);
    await eventually(async () => expect(await listed({ status: 'DELIVERED' })).toEqual([...ids].sort()));
    await t.query(`mutation($id: ID!) { registerComplaint(complaintId: $id) { kind } }`, { id: ids[0] }, tok.aHead);
    await t.query(
      `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Құзыретіне жатпайды") { kind } }`,
      { id: ids[1], to: b.head.id },
      tok.aHead,
    );
  });
  afterAll(() => t?.stop());

  it('filters by status, current handler and current body', async () => {
    await eventually(async () => expect(await listed({ status: 'REGISTERED' })).toEqual([ids[0]]));
    await eventually(async () => expect(await listed({ currentHandlerId: b.head.id }, tok.bHead)).toEqual([ids[1]]));
    expect(await listed({ status: 'FORWARDED' })).toEqual([ids[1]]); // the forwarding body still lists it
    expect(await listed({ currentBodyId: a.id })).toEqual([ids[0], ids[2]].sort());
    expect(await listed({ currentBodyId: a.id }, tok.bHead)).toEqual([]); // nothing beyond what B may see
    expect(await listed({ status: 'DELIVERED' })).toEqual([ids[2]]);
  });

  it('filters by due date and overdue, from status events applied once and in version order', async () => {
    const due = (await t.query(`query($id: ID!) { complaint(id: $id) { reviewDueOn } }`, { id: ids[0] }, tok.aHead)).data!.complaint.reviewDueOn;
    await eventually(async () => expect(await listed({ reviewDueFrom: due, reviewDueTo: due })).toEqual([ids[0]]));
    expect(await listed({ overdue: true })).toEqual([]);
    const bad = await t.query(LIST, { f: { reviewDueFrom: '2025-02-01', reviewDueTo: '2025-01-01' } }, tok.aHead);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.reviewDueFrom' });

    // A status event with a past due date (as status would send one for an old complaint), delivered twice, then an
    // older one late: the list shows the newest, once.
    const token = await new TokenService(t.config.auth.jwtSecret).mint({ sub: 'status', role: 'service' });
    const send = (version: number, reviewDueOn: string) =>
      fetch(eventsUrl(t.system.subgraphs.intake.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          events: [{ type: 'ComplaintStatusChanged', eventId: randomUUID(), complaintId: ids[2], version, status: 'REGISTERED', reviewDueOn, closedOn: null }],
        }),
      });
    expect((await send(50, '2025-01-10')).status).toBe(200);
    expect((await send(50, '2025-01-10')).status).toBe(200);
    expect((await send(40, '2099-01-10')).status).toBe(200);
    expect(await listed({ overdue: true })).toEqual([ids[2]]);
    expect(await listed({ overdue: false, status: 'REGISTERED' })).toEqual([ids[0]]);
    expect(await listed({ reviewDueTo: '2025-12-31' })).toEqual([ids[2]]);
    const unauthorised = await fetch(eventsUrl(t.system.subgraphs.intake.url), { method: 'POST', body: '{"events":[]}' });
    expect(unauthorised.status).toBe(401);
  });
});
