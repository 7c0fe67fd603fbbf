/**
 * Akimat staff and office staff do their part through the gateway (issue 12), each with the refusals next to it:
 * akimat officials and clerks read, list and act on the complaints of their akimat; an akimat clerk accepts a paper
 * complaint addressed to the akim; a clerk finds a complaint by its talon, registers it, and records a paper
 * withdrawal; every mark's actor is who did it.
 */
import { complaintInput, officeComplaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type GraphQLResult, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from '../e2e/gateway-client';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id number handler { id } } }`;
const ACCEPT = `mutation($i: OfficeComplaintInput!) { acceptOfficeComplaint(input: $i) { id number handler { id } talon { number acceptedBy { id } } } }`;
const READ = `query($id: ID!) { complaint(id: $id) { id status statusLabel { kk ru } channelLabel { kk ru } currentHandler { id }
  statusMarks { kind label { kk ru } actor { id } note } } }`;
const BY_NUMBER = `query($n: String!) { complaintByNumber(number: $n) { id number talon { number } } }`;
const LIST = `{ complaints(first: 100) { edges { node { id } } } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { kind actor { id } } }`;
const PAPER_WITHDRAWAL = `mutation($id: ID!, $signed: Boolean!) {
  recordPaperWithdrawal(complaintId: $id, reason: "Өтінішті кері қайтарамын / Отзываю жалобу", signedOnPaper: $signed) { kind actor { id } note } }`;

const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
const listed = (r: GraphQLResult, id: string) => (r.data?.complaints.edges as { node: { id: string } }[]).some((e) => e.node.id === id);

describe('akimat staff and office staff', () => {
  let t: TestSystem;
  let admin: AdminThroughGateway;
  let city: string;
  let other: string;
  let provider: { id: string; head: { id: string } };
  let tok: Record<string, string>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = new AdminThroughGateway(t, await t.token('admin'));
    const stamp = String(Date.now() % 1e7).padStart(7, '0');
    city = await admin.unit('город Акимат', null, `71${stamp}`);
    other = await admin.unit('город Другой', null, `35${stamp}`);
    provider = await admin.provider('ЦОН Акимат', city);
    const akim = await admin.official('Әкімов', { katoCode: city }, 'әкім / аким');
    await admin.setAkim(city, akim.id);
    const otherAkim = await admin.official('Басқаәкім', { katoCode: other }, 'әкім / аким');
    await admin.setAkim(other, otherAkim.id);
    const deputy = await admin.official('Орынбасаров', { katoCode: city }, 'әкімнің орынбасары / заместитель акима');
    const akimatClerk = await admin.official('Кеңсеәкімдік', { katoCode: city }, 'кеңсе қызметкері / сотрудник канцелярии');
    const otherClerk = await admin.official('Басқакеңсе', { katoCode: other }, 'кеңсе қызметкері / сотрудник канцелярии');
    const providerClerk = await admin.official('Кеңсебаев', { serviceProviderId: provider.id }, 'кеңсе қызметкері / сотрудник канцелярии');
    ids = { akim: akim.id, deputy: deputy.id, akimatClerk: akimatClerk.id, providerClerk: providerClerk.id };
    tok = {
      citizen: await t.token('citizen', { iin: validIin() }),
      akim: await t.token('official', { officialId: akim.id }),
      deputy: await t.token('official', { officialId: deputy.id }),
      akimatClerk: await t.token('clerk', { officialId: akimatClerk.id }),
      otherClerk: await t.token('clerk', { officialId: otherClerk.id }),
      otherAkim: await t.token('official', { officialId: otherAkim.id }),
      providerClerk: await t.token('clerk', { officialId: providerClerk.id }),
      providerHead: await t.token('official', { officialId: provider.head.id }),
    };
  });
  afterAll(() => t?.stop());

  it("akimat officials and clerks read, list and act on their akimat's complaints; other akimats and the provider are refused", async () => {
    const filed = await t.query(FILE, { i: complaintInput(provider.id, { addressee: 'AKIM', katoCode: city }) }, tok.citizen);
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileComplaint.id;
    expect(filed.data!.fileComplaint.handler).toEqual({ id: ids.akim });
    await eventually(async () => expect((await t.query(READ, { id }, tok.deputy)).data?.complaint.status).toBe('DELIVERED'));
    for (const who of ['deputy', 'akimatClerk'] as const) {
      expect([who, (await t.query(READ, { id }, tok[who])).errors]).toEqual([who, undefined]);
      expect([who, listed(await t.query(LIST, {}, tok[who]), id)]).toEqual([who, true]);
    }
    for (const who of ['otherAkim', 'otherClerk', 'providerClerk', 'providerHead'] as const) {
      expect([who, code(await t.query(READ, { id }, tok[who]))]).toEqual([who, 'FORBIDDEN']);
      expect([who, listed(await t.query(LIST, {}, tok[who]), id)]).toEqual([who, false]);
    }
    expect(code(await t.query(REGISTER, { id }, tok.otherAkim))).toBe('FORBIDDEN');
    const reg = await t.query(REGISTER, { id }, tok.deputy);
    expect(reg.data?.registerComplaint).toEqual({ kind: 'REGISTERED', actor: { id: ids.deputy } });
  });

  it('an AKIM complaint whose unit is not over the provider is refused on input.katoCode', async () => {
    const r = await t.query(FILE, { i: complaintInput(provider.id, { addressee: 'AKIM', katoCode: other }) }, tok.citizen);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.katoCode' });
  });

  it('an akimat clerk accepts a paper complaint to the akim, but not one to the provider head; other akimats are refused', async () => {
    const iin = validIin();
    const toAkim = await t.query(ACCEPT, { i: officeComplaintInput(provider.id, iin, { addressee: 'AKIM', katoCode: city }) }, tok.akimatClerk);
    expect(toAkim.errors).toBeUndefined();
    expect(toAkim.data!.acceptOfficeComplaint.talon.acceptedBy).toEqual({ id: ids.akimatClerk });
    expect(toAkim.data!.acceptOfficeComplaint.handler).toEqual({ id: ids.akim });
    const toHead = await t.query(ACCEPT, { i: officeComplaintInput(provider.id, iin) }, tok.akimatClerk);
    expect(code(toHead)).toBe('FORBIDDEN');
    const elsewhere = await t.query(ACCEPT, { i: officeComplaintInput(provider.id, iin, { addressee: 'AKIM', katoCode: city }) }, tok.otherClerk);
    expect(code(elsewhere)).toBe('FORBIDDEN');
  });

  it('office: a clerk finds the complaint by its talon, registers it and records the paper withdrawal; outsiders are refused', async () => {
    const accepted = await t.query(ACCEPT, { i: officeComplaintInput(provider.id, validIin()) }, tok.providerClerk);
    expect(accepted.errors).toBeUndefined();
    const { id, number, talon } = accepted.data!.acceptOfficeComplaint;
    expect(talon.number).not.toBe(number);

    const byTalon = await t.query(BY_NUMBER, { n: talon.number }, tok.providerClerk);
    expect(byTalon.data?.complaintByNumber).toEqual({ id, number, talon: { number: talon.number } });
    expect((await t.query(BY_NUMBER, { n: number }, tok.providerClerk)).data?.complaintByNumber.id).toBe(id);
    expect(code(await t.query(BY_NUMBER, { n: talon.number }, tok.otherClerk))).toBe('FORBIDDEN');
    expect((await t.query(BY_NUMBER, { n: 'T-0000-NONE' }, tok.providerClerk)).data?.complaintByNumber).toBeNull();

    await eventually(async () => expect((await t.query(READ, { id }, tok.providerClerk)).data?.complaint.status).toBe('DELIVERED'));
    expect(code(await t.query(REGISTER, { id }, tok.otherClerk))).toBe('FORBIDDEN');
    const reg = await t.query(REGISTER, { id }, tok.providerClerk);
    expect(reg.data?.registerComplaint).toEqual({ kind: 'REGISTERED', actor: { id: ids.providerClerk } });

    const unsigned = await t.query(PAPER_WITHDRAWAL, { id, signed: false }, tok.providerClerk);
    expect(unsigned.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signedOnPaper' });
    expect(code(await t.query(PAPER_WITHDRAWAL, { id, signed: true }, tok.otherClerk))).toBe('FORBIDDEN');
    expect(code(await t.query(PAPER_WITHDRAWAL, { id, signed: true }, tok.citizen))).toBe('FORBIDDEN');
    const withdrawn = await t.query(PAPER_WITHDRAWAL, { id, signed: true }, tok.providerClerk);
    expect(withdrawn.data?.recordPaperWithdrawal).toMatchObject({ kind: 'WITHDRAWN', actor: { id: ids.providerClerk } });

    const timeline = (await t.query(READ, { id }, tok.providerHead)).data!.complaint;
    expect(timeline.status).toBe('WITHDRAWN');
    // Words for people, from platform/labels/enum-labels.json.
    expect(timeline.statusLabel).toEqual({ kk: 'Кері қайтарылды', ru: 'Отозвана' });
    expect(timeline.channelLabel.ru).toBe('Через канцелярию (на бумаге)');
    expect(timeline.statusMarks.map((m: { label: { ru: string } }) => m.label.ru)).toEqual(['Доставлена', 'Зарегистрирована', 'Отозвана']);
    expect(timeline.statusMarks.map((m: { kind: string; actor: { id: string } | null }) => [m.kind, m.actor?.id ?? null])).toEqual([
      ['DELIVERED', null],
      ['REGISTERED', ids.providerClerk],
      ['WITHDRAWN', ids.providerClerk],
    ]);
  });
});
