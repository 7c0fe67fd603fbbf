import type { DataSource } from 'typeorm';
import { CompetenceKind } from '../../subgraphs/directory/competences';
import { OfficialRecord } from '../../subgraphs/directory/officials';
import { ServiceProviderKind } from '../../subgraphs/directory/service-providers';
import {
  createAkimatOfficial,
  createCompetence,
  createOfficial,
  createProvider,
  createUnit,
  uniqueKato,
} from '../factories/directory.factory';
import { startTestSystem, type TestSystem } from '../support/harness';

const DECIDE = `query($addressee: Addressee!, $sp: ID!, $kato: String, $ps: String, $cat: String) {
  jurisdictionDecision(addressee: $addressee, serviceProviderId: $sp, katoCode: $kato, publicService: $ps, issueCategory: $cat) {
    official { id serviceProvider { id } administrativeUnit { katoCode } }
    rule bodyKind
  }
}`;

describe('jurisdiction', () => {
  let t: TestSystem;
  let db: DataSource;
  let token: string;
  beforeAll(async () => {
    t = await startTestSystem();
    db = t.system.subgraphs.directory.db;
    token = await t.token('service');
  });
  afterAll(() => t?.stop());

  const decide = (vars: { addressee: string; sp: string; kato?: string; ps?: string; cat?: string }) =>
    t.query(DECIDE, vars, token);

  /** region → city → district, with the given akims (official ids) by level. */
  async function tree(akims: { region?: boolean; city?: boolean; district?: boolean }) {
    const [region, city, district] = [uniqueKato(), uniqueKato(), uniqueKato()];
    const units = [
      { katoCode: region, parent: null, has: akims.region },
      { katoCode: city, parent: region, has: akims.city },
      { katoCode: district, parent: city, has: akims.district },
    ];
    const akimOf: Record<string, string> = {};
    for (const u of units) {
      await createUnit(db, { katoCode: u.katoCode, nameRu: `unit ${u.katoCode}`, parentKatoCode: u.parent });
      if (u.has) {
        const akim = await createAkimatOfficial(db, u.katoCode);
        await createUnit(db, { katoCode: u.katoCode, nameRu: `unit ${u.katoCode}`, parentKatoCode: u.parent, akimOfficialId: akim.id });
        akimOf[u.katoCode] = akim.id;
      }
    }
    return { region, city, district, akimOf };
  }

  describe('SERVICE_PROVIDER_HEAD', () => {
    it('goes to the head of the provider when nothing more specific is asked', async () => {
      const { provider, head } = await createProvider(db);
      const r = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id });
      expect(r.errors).toBeUndefined();
      expect(r.data.jurisdictionDecision.official.id).toBe(head.id);
      expect(r.data.jurisdictionDecision.official.serviceProvider.id).toBe(provider.id);
      expect(r.data.jurisdictionDecision.bodyKind).toBe('SERVICE_PROVIDER');
      expect(r.data.jurisdictionDecision.rule).toMatch(/head/);
    });

    it('goes to the official whose competence covers the public service, by code or by name', async () => {
      const { provider } = await createProvider(db);
      const other = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
      const competent = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
      await createCompetence(db, other.id, { name: 'Другая услуга' });
      await createCompetence(db, competent.id, { code: '00301001', name: 'Выдача справки о судимости' });
      for (const ps of ['00301001', 'выдача справки о судимости']) {
        const r = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id, ps });
        expect(r.errors).toBeUndefined();
        expect(r.data.jurisdictionDecision.official.id).toBe(competent.id);
        expect(r.data.jurisdictionDecision.rule).toContain('Выдача справки о судимости');
      }
    });

    it('matches issue categories too', async () => {
      const { provider } = await createProvider(db);
      const competent = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
      await createCompetence(db, competent.id, { kind: CompetenceKind.ISSUE_CATEGORY, name: 'Грубость персонала' });
      const r = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id, cat: 'грубость персонала' });
      expect(r.data.jurisdictionDecision.official.id).toBe(competent.id);
    });

    it('falls back to the head when nobody in the provider is competent', async () => {
      const { provider, head } = await createProvider(db);
      const elsewhere = await createProvider(db);
      await createCompetence(db, elsewhere.head.id, { name: 'Услуга X' });
      const r = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id, ps: 'Услуга X' });
      expect(r.data.jurisdictionDecision.official.id).toBe(head.id);
      expect(r.data.jurisdictionDecision.rule).toMatch(/nobody there is on record as competent/);
    });

    it('never chooses an inactive official: the competent one, or the head', async () => {
      const { provider, head } = await createProvider(db);
      const gone = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode, active: false });
      await createCompetence(db, gone.id, { name: 'Услуга Y' });
      const r1 = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id, ps: 'Услуга Y' });
      expect(r1.data.jurisdictionDecision.official.id).toBe(head.id);

      await db.getRepository(OfficialRecord).update({ id: head.id }, { active: false });
      const r2 = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id, ps: 'Услуга Y' });
      expect(r2.data).toBeNull();
      expect(r2.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(r2.errors?.[0].extensions?.reason).toBe('NOBODY_ON_RECORD');
      expect(r2.errors?.[0].message).toMatch(/Nobody active is on record/);
    });

    it('gives the quality-control body its own body kind', async () => {
      const { provider, head } = await createProvider(db, { kind: ServiceProviderKind.QUALITY_CONTROL_BODY });
      const r = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: provider.id });
      expect(r.data.jurisdictionDecision).toMatchObject({ official: { id: head.id }, bodyKind: 'QUALITY_CONTROL_BODY' });
    });
  });

  describe('PORTAL', () => {
    it("goes to the provider's competent official, else its head", async () => {
      const { provider, head } = await createProvider(db);
      const competent = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
      await createCompetence(db, competent.id, { name: 'Услуга портала' });
      const hit = await decide({ addressee: 'PORTAL', sp: provider.id, ps: 'Услуга портала' });
      expect(hit.data.jurisdictionDecision.official.id).toBe(competent.id);
      expect(hit.data.jurisdictionDecision.rule).toMatch(/portal/);
      const miss = await decide({ addressee: 'PORTAL', sp: provider.id, ps: 'Иная услуга' });
      expect(miss.data.jurisdictionDecision.official.id).toBe(head.id);
      expect(miss.data.jurisdictionDecision.bodyKind).toBe('SERVICE_PROVIDER');
    });
  });

  describe('AKIM', () => {
    it('goes to the akim of the unit, as a local executive body', async () => {
      const { district, akimOf } = await tree({ region: true, city: true, district: true });
      const { provider } = await createProvider(db, { katoCode: district }); // the akim must be over the provider
      const r = await decide({ addressee: 'AKIM', sp: provider.id, kato: district });
      expect(r.errors).toBeUndefined();
      expect(r.data.jurisdictionDecision.official.id).toBe(akimOf[district]);
      expect(r.data.jurisdictionDecision.official.administrativeUnit.katoCode).toBe(district);
      expect(r.data.jurisdictionDecision.bodyKind).toBe('LOCAL_EXECUTIVE_BODY');
    });

    it('walks up the KATO tree when a unit has no akim on record', async () => {
      const { district, city, region, akimOf } = await tree({ region: true });
      const { provider } = await createProvider(db, { katoCode: district }); // the akim must be over the provider
      const r = await decide({ addressee: 'AKIM', sp: provider.id, kato: district });
      expect(r.data.jurisdictionDecision.official.id).toBe(akimOf[region]);
      expect(r.data.jurisdictionDecision.rule).toContain(`unit ${district}, unit ${city}`);
    });

    it('walks past an inactive akim', async () => {
      const { district, city, akimOf } = await tree({ city: true, district: true });
      const { provider } = await createProvider(db, { katoCode: district }); // the akim must be over the provider
      await db.getRepository(OfficialRecord).update({ id: akimOf[district] }, { active: false });
      const r = await decide({ addressee: 'AKIM', sp: provider.id, kato: district });
      expect(r.data.jurisdictionDecision.official.id).toBe(akimOf[city]);
    });

    it('picks the competent akimat official within the akimat found', async () => {
      const { district, city, akimOf } = await tree({ city: true });
      const { provider } = await createProvider(db, { katoCode: district }); // the akim must be over the provider
      const competent = await createAkimatOfficial(db, city, { position: 'главный специалист' });
      const inactive = await createAkimatOfficial(db, city, { position: 'главный специалист', active: false });
      const providerStaff = await createOfficial(db, { serviceProviderId: provider.id, katoCode: city });
      await createCompetence(db, inactive.id, { name: 'Жилищный учет' });
      await createCompetence(db, providerStaff.id, { name: 'Жилищный учет' });
      const r1 = await decide({ addressee: 'AKIM', sp: provider.id, kato: district, ps: 'Жилищный учет' });
      expect(r1.data.jurisdictionDecision.official.id).toBe(akimOf[city]);
      await createCompetence(db, competent.id, { name: 'Жилищный учет' });
      const r2 = await decide({ addressee: 'AKIM', sp: provider.id, kato: district, ps: 'Жилищный учет' });
      expect(r2.data.jurisdictionDecision.official.id).toBe(competent.id);
      expect(r2.data.jurisdictionDecision.bodyKind).toBe('LOCAL_EXECUTIVE_BODY');
    });

    it('answers a clear NOT_FOUND when no akim is on record anywhere up the tree', async () => {
      const { district } = await tree({});
      const { provider } = await createProvider(db, { katoCode: district }); // the akim must be over the provider
      const r = await decide({ addressee: 'AKIM', sp: provider.id, kato: district });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_AKIM_ON_RECORD' });
    });

    it("refuses the akim of a unit that is not the provider's nor contains it (BAD_USER_INPUT on katoCode)", async () => {
      const { district, city, region, akimOf } = await tree({ region: true, city: true, district: true });
      const inCity = await createProvider(db, { katoCode: city });
      const below = await decide({ addressee: 'AKIM', sp: inCity.provider.id, kato: district });
      expect(below.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'katoCode' });
      const elsewhere = await tree({ region: true });
      const unrelated = await decide({ addressee: 'AKIM', sp: inCity.provider.id, kato: elsewhere.region });
      expect(unrelated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'katoCode' });
      const own = await decide({ addressee: 'AKIM', sp: inCity.provider.id, kato: city });
      expect(own.data.jurisdictionDecision.official.id).toBe(akimOf[city]);
      const above = await decide({ addressee: 'AKIM', sp: inCity.provider.id, kato: region });
      expect(above.data.jurisdictionDecision.official.id).toBe(akimOf[region]);
    });

    it('needs a valid katoCode', async () => {
      const { provider } = await createProvider(db);
      const missing = await decide({ addressee: 'AKIM', sp: provider.id });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'katoCode' });
      const bad = await decide({ addressee: 'AKIM', sp: provider.id, kato: '12345' });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'katoCode' });
    });
  });

  it('answers NOT_FOUND for an unknown provider or unit', async () => {
    const unknownProvider = await decide({ addressee: 'SERVICE_PROVIDER_HEAD', sp: '00000000-0000-4000-8000-00000000dead' });
    expect(unknownProvider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { provider } = await createProvider(db);
    const unknownUnit = await decide({ addressee: 'AKIM', sp: provider.id, kato: uniqueKato() });
    expect(unknownUnit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the plain jurisdiction query answering the same official', async () => {
    const { provider } = await createProvider(db);
    const competent = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
    await createCompetence(db, competent.id, { name: 'Услуга Z' });
    const r = await t.query(
      `query($sp: ID!) { jurisdiction(addressee: SERVICE_PROVIDER_HEAD, serviceProviderId: $sp, publicService: "Услуга Z") { id } }`,
      { sp: provider.id },
    );
    expect(r.data.jurisdiction.id).toBe(competent.id);
  });
});
