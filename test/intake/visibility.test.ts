import { citizen, fileComplaint, officeComplaintInput, ACCEPT_OFFICE_COMPLAINT, providerWithStaff } from '../factories/complaint.factory';
import { createOfficial, createProvider, createUnit } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';

const BY_ID = `query($id: ID!) { complaint(id: $id) { id applicant { iin postalAddress phones } } }`;
const BY_NUMBER = `query($n: String!) { complaintByNumber(number: $n) { id } }`;
const LIST = `query($f: ComplaintFilter) { complaints(filter: $f, first: 100) { totalCount edges { node { id } } } }`;
const MINE = `{ myComplaints(first: 100) { totalCount edges { node { id } } } }`;

/**
 * The role × operation matrix. Provider A has a complaint filed by the owner; provider B has one whose
 * handler is the "outside official" (an official of no provider, e.g. a competent official elsewhere).
 */
describe('who sees which complaint', () => {
  let t: TestSystem;
  let a: Awaited<ReturnType<typeof providerWithStaff>>;
  let owner: { iin: string; token: string };
  let ofA: { id: string; number: string };
  let ofB: { id: string; number: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestSystem();
    a = await providerWithStaff(t);
    const b = await providerWithStaff(t);
    owner = await citizen(t);
    ofA = await fileComplaint(t, owner.token, a.provider.id);
    ofB = await fileComplaint(t, (await citizen(t)).token, b.provider.id);
    const dir = t.system.subgraphs.directory.db;
    const officialOfA = await createOfficial(dir, { serviceProviderId: a.provider.id });
    tokens.owner = owner.token;
    tokens.otherCitizen = (await citizen(t)).token;
    tokens.clerkOfA = a.clerkToken;
    tokens.officialOfA = await t.token('official', { officialId: officialOfA.id });
    tokens.handlerOfB = b.headToken; // head of B: handles ofB, works for B
    tokens.officialElsewhere = await t.token('official', { officialId: (await createOfficial(dir)).id });
    tokens.agency = await t.token('agency');
    tokens.admin = await t.token('admin');
  });
  afterAll(() => t?.stop());

  // who → [sees ofA, sees ofB] for complaint(id) and complaintByNumber
  it.each([
    ['owner', true, false],
    ['otherCitizen', false, false],
    ['clerkOfA', true, false],
    ['officialOfA', true, false],
    ['handlerOfB', false, true],
    ['officialElsewhere', false, false],
    ['agency', true, true],
    ['admin', true, true],
  ])('%s: complaint(id) and complaintByNumber → A %s, B %s (FORBIDDEN otherwise)', async (who, seesA, seesB) => {
    for (const [c, sees] of [[ofA, seesA], [ofB, seesB]] as const) {
      const byId = await t.query(BY_ID, { id: c.id }, tokens[who]);
      const byNumber = await t.query(BY_NUMBER, { n: c.number }, tokens[who]);
      if (sees) {
        expect(byId.errors).toBeUndefined();
        expect(byId.data.complaint.id).toBe(c.id);
        expect(byNumber.data.complaintByNumber.id).toBe(c.id);
      } else {
        expect(byId.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(byNumber.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    }
  });

  it.each([
    ['clerkOfA', true, false],
    ['officialOfA', true, false],
    ['handlerOfB', false, true],
    ['officialElsewhere', false, false],
    ['agency', true, true],
    ['admin', true, true],
  ])('%s: complaints lists A %s, B %s', async (who, seesA, seesB) => {
    const r = await t.query(LIST, {}, tokens[who]);
    expect(r.errors).toBeUndefined();
    const ids = r.data.complaints.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.includes(ofA.id)).toBe(seesA);
    expect(ids.includes(ofB.id)).toBe(seesB);
    expect(r.data.complaints.totalCount).toBe(ids.length);
  });

  it('refuses complaints to citizens and myComplaints to everyone but citizens', async () => {
    for (const who of ['owner', 'otherCitizen']) expect((await t.query(LIST, {}, tokens[who])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of ['clerkOfA', 'officialOfA', 'agency', 'admin']) {
      expect((await t.query(MINE, {}, tokens[who])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    for (const q of [LIST, MINE]) expect((await t.query(q, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.query(BY_ID, { id: ofA.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists exactly the citizen’s own complaints in myComplaints', async () => {
    const r = await t.query(MINE, {}, owner.token);
    expect(r.data.myComplaints.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ofA.id]);
    expect(r.data.myComplaints.totalCount).toBe(1);
    expect((await t.query(MINE, {}, tokens.otherCitizen)).data.myComplaints.totalCount).toBe(0);
  });

  it('masks the IIN and hides address and phones from the agency only', async () => {
    const agency = (await t.query(BY_ID, { id: ofA.id }, tokens.agency)).data.complaint.applicant;
    expect(agency).toEqual({ iin: `${owner.iin.slice(0, 4)}******${owner.iin.slice(10)}`, postalAddress: null, phones: [] });
    const admin = (await t.query(BY_ID, { id: ofA.id }, tokens.admin)).data.complaint.applicant;
    expect(admin.iin).toBe(owner.iin);
    expect(admin.phones).toEqual(['+77011234567']);
    const clerk = (await t.query(BY_ID, { id: ofA.id }, tokens.clerkOfA)).data.complaint.applicant;
    expect(clerk.iin).toBe(owner.iin);
    expect(clerk.postalAddress).not.toBeNull();
  });

  it('lets an official of no provider see exactly the complaints they handle (an akim)', async () => {
    const dir = t.system.subgraphs.directory.db;
    const akim = await createOfficial(dir, { position: 'әкім / аким' });
    const unit = await createUnit(dir, { katoCode: '751210000', akimOfficialId: akim.id });
    const inUnit = await createProvider(dir, { katoCode: unit.katoCode }); // the akim addressed must be over the provider
    const handled = await fileComplaint(t, (await citizen(t)).token, inUnit.provider.id, { addressee: 'AKIM', katoCode: unit.katoCode });
    const token = await t.token('official', { officialId: akim.id });
    expect((await t.query(BY_ID, { id: handled.id }, token)).data.complaint.id).toBe(handled.id);
    expect((await t.query(BY_ID, { id: ofA.id }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = (await t.query(LIST, {}, token)).data.complaints;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([handled.id]);
    // Access follows the complaint (README, "Who sees and does what"): the provider complained about does not hold a
    // complaint addressed to the akim, so its clerk is refused.
    expect((await t.query(BY_ID, { id: handled.id }, tokens.clerkOfA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers null for a complaint that does not exist', async () => {
    const r = await t.query(BY_ID, { id: '00000000-0000-4000-8000-00000000beef' }, tokens.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.complaint).toBeNull();
  });

  it('filters by provider, channel, addressee, handler, unit and date range', async () => {
    const p = await providerWithStaff(t);
    const portal = await fileComplaint(t, owner.token, p.provider.id);
    const paper = await t.query(ACCEPT_OFFICE_COMPLAINT, { input: officeComplaintInput(p.provider.id, validIin()) }, p.clerkToken);
    const paperId = paper.data.acceptOfficeComplaint.id;
    const ids = async (f: Record<string, unknown>) =>
      (await t.query(LIST, { f }, tokens.admin)).data.complaints.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(await ids({ serviceProviderId: p.provider.id }))).toEqual(new Set([portal.id, paperId]));
    expect(await ids({ serviceProviderId: p.provider.id, channel: 'OFFICE' })).toEqual([paperId]);
    expect(await ids({ serviceProviderId: p.provider.id, channel: 'PORTAL', addressee: 'SERVICE_PROVIDER_HEAD' })).toEqual([portal.id]);
    expect(await ids({ serviceProviderId: p.provider.id, addressee: 'AKIM' })).toEqual([]);
    expect(await ids({ handlerId: p.head.id })).toEqual([paperId, portal.id]);
    expect(await ids({ serviceProviderId: p.provider.id, katoCode: '790000000' })).toEqual([]);
    const filedOn = paper.data.acceptOfficeComplaint.filedOn as string;
    expect(await ids({ serviceProviderId: p.provider.id, filedFrom: filedOn, filedTo: filedOn })).toHaveLength(2);
    expect(await ids({ serviceProviderId: p.provider.id, filedTo: '2020-01-01' })).toEqual([]);
    const bad = await t.query(LIST, { f: { filedFrom: '2026-02-01', filedTo: '2026-01-01' } }, tokens.admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.filedFrom' });
  });
});
