/**
 * Routing uses the issue raised, and a complaint about the addressee themself goes above them (issue 12), through
 * the gateway: intake sends the public service, the issue category and the respondents to the directory, and keeps
 * the decision's rule.
 */
import { complaintInput } from '../factories/complaint.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { AdminThroughGateway } from '../e2e/gateway-client';

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id handler { id } jurisdictionRule issueCategory } }`;

describe('routing by the issue raised and around the addressee', () => {
  let t: TestSystem;
  let admin: AdminThroughGateway;
  let citizen: string;
  let region: string;
  let city: string;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = new AdminThroughGateway(t, await t.token('admin'));
    citizen = await t.token('citizen', { iin: validIin() });
    const stamp = String(Date.now() % 1e5).padStart(5, '0');
    region = await admin.unit('область Маршрут', null, `39${stamp}00`);
    city = await admin.unit('город Маршрут', region, `39${stamp}10`);
  });
  afterAll(() => t?.stop());

  async function file(over: Record<string, unknown>, providerId: string) {
    const r = await t.query(FILE, { i: complaintInput(providerId, over) }, citizen);
    expect(r.errors).toBeUndefined();
    return r.data!.fileComplaint as { handler: { id: string }; jurisdictionRule: string; issueCategory: string | null };
  }

  it('two complaints about different services of one provider go to two different officials, with the rule kept', async () => {
    const provider = await admin.provider('ЦОН Маршрут', city);
    const addresses = await admin.official('Мекенжайова', { serviceProviderId: provider.id });
    await admin.competence(addresses.id, 'Мекенжай анықтамасы');
    const births = await admin.official('Туубаев', { serviceProviderId: provider.id });
    await admin.competence(births.id, 'Туу туралы куәлік');
    const a = await file({ publicService: 'Мекенжай анықтамасы' }, provider.id);
    const b = await file({ publicService: 'Туу туралы куәлік' }, provider.id);
    expect([a.handler.id, b.handler.id]).toEqual([addresses.id, births.id]);
    expect(a.jurisdictionRule).toContain('«Мекенжай анықтамасы»');
    const none = await file({ publicService: 'Басқа қызмет' }, provider.id);
    expect(none.handler.id).toBe(provider.head.id);
  });

  it('the issue category is sent to the directory and matched against category competences', async () => {
    const provider = await admin.provider('ЦОН Санат', city);
    const rudeness = await admin.official('Әдепов', { serviceProviderId: provider.id });
    await t.query(
      `mutation($i: CreateCompetenceInput!) { createCompetence(input: $i) { id } }`,
      { i: { officialId: rudeness.id, kind: 'ISSUE_CATEGORY', name: 'Әдепсіздік / Грубость' } },
      await t.token('admin'),
    );
    const r = await file({ publicService: null, issueCategory: 'Әдепсіздік / Грубость' }, provider.id);
    expect(r.handler.id).toBe(rudeness.id);
    expect(r.issueCategory).toBe('Әдепсіздік / Грубость');
    expect(r.jurisdictionRule).toContain('«Әдепсіздік / Грубость»');
  });

  it('a complaint about the head goes to the quality-control body over the provider, citing APPC Art. 91 and Art. 25', async () => {
    const provider = await admin.provider('ЦОН Басшы', city);
    const quality = await admin.provider('Сапа департаменті', region, 'QUALITY_CONTROL_BODY');
    const aboutHead = [{ position: 'басшы / руководитель', surname: ' басшыбаев ', name: 'Ерлан' }];
    const r = await file({ respondents: aboutHead }, provider.id);
    expect(r.handler.id).toBe(quality.head.id);
    expect(r.jurisdictionRule).toMatch(/APPC Art\. 91/);
    expect(r.jurisdictionRule).toMatch(/Art\. 25/);
    // About someone else: the head, as before.
    const other = await file({}, provider.id);
    expect(other.handler.id).toBe(provider.head.id);
  });

  it('a complaint about the akim goes to the akim of the unit above (APPC Art. 91)', async () => {
    const provider = await admin.provider('ЦОН Әкім', city);
    const cityAkim = await admin.official('Қалаәкімов', { katoCode: city }, 'әкім / аким');
    await admin.setAkim(city, cityAkim.id);
    const regionAkim = await admin.official('Облысәкімов', { katoCode: region }, 'әкім / аким');
    await admin.setAkim(region, regionAkim.id);
    const about = [{ position: 'әкім / аким', surname: cityAkim.surname, name: cityAkim.name }];
    const r = await file({ addressee: 'AKIM', katoCode: city, respondents: about }, provider.id);
    expect(r.handler.id).toBe(regionAkim.id);
    expect(r.jurisdictionRule).toMatch(/about the akim .*APPC Art\. 91/);
    const plain = await file({ addressee: 'AKIM', katoCode: city }, provider.id);
    expect(plain.handler.id).toBe(cityAkim.id);
  });
});
