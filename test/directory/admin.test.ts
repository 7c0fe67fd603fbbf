import type { DataSource } from 'typeorm';
import { AdministrativeUnitRecord } from '../../subgraphs/directory/administrative-units';
import { CompetenceRecord } from '../../subgraphs/directory/competences';
import { OfficialRecord } from '../../subgraphs/directory/officials';
import { ServiceProviderRecord } from '../../subgraphs/directory/service-providers';
import { createAkimatOfficial, createOfficial, createProvider, createUnit, uniqueKato, validBin } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';

const CREATE_PROVIDER = `mutation($input: CreateServiceProviderInput!) {
  createServiceProvider(input: $input) { id bin kind active head { id surname serviceProvider { id } } administrativeUnit { katoCode } }
}`;
const CREATE_UNIT = `mutation($input: CreateAdministrativeUnitInput!) {
  createAdministrativeUnit(input: $input) { katoCode nameRu parent { katoCode } active }
}`;
const CREATE_OFFICIAL = `mutation($input: CreateOfficialInput!) {
  createOfficial(input: $input) { id surname active serviceProvider { id } administrativeUnit { katoCode } }
}`;
const CREATE_COMPETENCE = `mutation($input: CreateCompetenceInput!) {
  createCompetence(input: $input) { id kind code name active official { id competences { id } } }
}`;

describe('directory administration', () => {
  let t: TestSystem;
  let db: DataSource;
  let admin: string;
  beforeAll(async () => {
    t = await startTestSystem();
    db = t.system.subgraphs.directory.db;
    admin = await t.token('admin');
  });
  afterAll(() => t?.stop());

  const counts = async () => ({
    units: await db.getRepository(AdministrativeUnitRecord).count(),
    providers: await db.getRepository(ServiceProviderRecord).count(),
    officials: await db.getRepository(OfficialRecord).count(),
    competences: await db.getRepository(CompetenceRecord).count(),
  });

  const providerInput = (over: Record<string, unknown> = {}) => ({
    bin: validBin(),
    nameKk: 'Сынақ қызмет беруші',
    nameRu: 'Тестовый услугодатель',
    katoCode: '710000000',
    head: { surname: 'Ахметов', name: 'Болат', position: 'директор' },
    ...over,
  });

  beforeAll(async () => {
    await createUnit(db, { katoCode: '710000000' });
  });

  describe('authorisation', () => {
    const mutations: [string, string, () => Record<string, unknown>][] = [
      ['createServiceProvider', CREATE_PROVIDER, () => ({ input: providerInput() })],
      ['createAdministrativeUnit', CREATE_UNIT, () => ({ input: { katoCode: uniqueKato('71'), nameKk: 'a', nameRu: 'a' } })],
      ['createOfficial', CREATE_OFFICIAL, () => ({ input: { surname: 'a', name: 'b', position: 'c', katoCode: '710000000' } })],
    ];

    it.each(mutations)('%s answers UNAUTHENTICATED without a token and FORBIDDEN for a citizen, writing nothing', async (_n, q, vars) => {
      const before = await counts();
      const anonymous = await t.query(q, vars());
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const citizen = await t.query(q, vars(), await t.token('citizen', { iin: validIin() }));
      expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const official = await t.query(q, vars(), await t.token('official', { officialId: 'x' }));
      expect(official.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('lets an admin deactivate an official, and nobody else', async () => {
      const o = await createOfficial(db, { katoCode: '710000000' });
      const q = `mutation($id: ID!) { deactivateOfficial(id: $id) { id active } }`;
      const citizen = await t.query(q, { id: o.id }, await t.token('citizen', { iin: validIin() }));
      expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await db.getRepository(OfficialRecord).findOneByOrFail({ id: o.id })).active).toBe(true);
      const r = await t.query(q, { id: o.id }, admin);
      expect(r.data.deactivateOfficial).toEqual({ id: o.id, active: false });
      expect((await db.getRepository(OfficialRecord).findOneByOrFail({ id: o.id })).active).toBe(false);
    });
  });

  describe('service providers', () => {
    it('creates a provider with its head, including the quality-control body', async () => {
      const r = await t.query(CREATE_PROVIDER, { input: providerInput({ kind: 'QUALITY_CONTROL_BODY' }) }, admin);
      expect(r.errors).toBeUndefined();
      const p = r.data.createServiceProvider;
      expect(p).toMatchObject({ kind: 'QUALITY_CONTROL_BODY', active: true, administrativeUnit: { katoCode: '710000000' } });
      expect(p.head).toMatchObject({ surname: 'Ахметов', serviceProvider: { id: p.id } });
      const decision = await t.query(
        `query($sp: ID!) { jurisdictionDecision(addressee: SERVICE_PROVIDER_HEAD, serviceProviderId: $sp) { official { id } bodyKind } }`,
        { sp: p.id },
      );
      expect(decision.data.jurisdictionDecision).toEqual({ official: { id: p.head.id }, bodyKind: 'QUALITY_CONTROL_BODY' });
    });

    it('answers CONFLICT for a duplicate BIN and writes nothing', async () => {
      const { provider } = await createProvider(db);
      const before = await counts();
      const r = await t.query(CREATE_PROVIDER, { input: providerInput({ bin: provider.bin }) }, admin);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.bin' });
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['a BIN with a wrong check digit', { bin: '020240001234' }, 'input.bin'],
      ['a BIN with a bad type digit', { bin: '020230001236' }, 'input.bin'],
      ['a bad KATO code', { katoCode: '120000000' }, 'input.katoCode'],
      ['an unknown unit', { katoCode: '719999999' }, 'input.katoCode'],
      ['an empty name', { nameRu: '  ' }, 'input.nameRu'],
      ['a head without a surname', { head: { surname: '', name: 'Б', position: 'директор' } }, 'input.head.surname'],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_what, over, field) => {
      const before = await counts();
      const r = await t.query(CREATE_PROVIDER, { input: providerInput(over) }, admin);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });

    it('updates the head only to an active official of the provider, and deactivates', async () => {
      const { provider } = await createProvider(db);
      const deputy = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
      const stranger = await createOfficial(db, { katoCode: provider.katoCode });
      const q = `mutation($id: ID!, $input: UpdateServiceProviderInput!) { updateServiceProvider(id: $id, input: $input) { head { id } } }`;
      const bad = await t.query(q, { id: provider.id, input: { headOfficialId: stranger.id } }, admin);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.headOfficialId' });
      const ok = await t.query(q, { id: provider.id, input: { headOfficialId: deputy.id } }, admin);
      expect(ok.data.updateServiceProvider.head.id).toBe(deputy.id);

      const off = await t.query(`mutation($id: ID!) { deactivateServiceProvider(id: $id) { active } }`, { id: provider.id }, admin);
      expect(off.data.deactivateServiceProvider.active).toBe(false);
      const listed = await t.query(`{ serviceProviders(katoCode: "${provider.katoCode}") { id } }`);
      expect(listed.data.serviceProviders.map((p: any) => p.id)).not.toContain(provider.id);
    });

    it('answers CONFLICT when an update takes another provider’s BIN', async () => {
      const a = await createProvider(db);
      const b = await createProvider(db);
      const r = await t.query(
        `mutation($id: ID!, $bin: String!) { updateServiceProvider(id: $id, input: { bin: $bin }) { id } }`,
        { id: a.provider.id, bin: b.provider.bin },
        admin,
      );
      expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await db.getRepository(ServiceProviderRecord).findOneByOrFail({ id: a.provider.id })).bin).toBe(a.provider.bin);
    });
  });

  describe('administrative units', () => {
    it('creates a unit under a parent of the same region, and answers CONFLICT on a duplicate KATO code', async () => {
      const katoCode = uniqueKato('71');
      const input = { katoCode, nameKk: 'Жаңа аудан', nameRu: 'Новый район', parentKatoCode: '710000000' };
      const r = await t.query(CREATE_UNIT, { input }, admin);
      expect(r.data.createAdministrativeUnit).toEqual({ katoCode, nameRu: 'Новый район', parent: { katoCode: '710000000' }, active: true });
      const before = await counts();
      const again = await t.query(CREATE_UNIT, { input: { ...input, nameRu: 'Другое' } }, admin);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.katoCode' });
      expect(await counts()).toEqual(before);
      expect((await db.getRepository(AdministrativeUnitRecord).findOneByOrFail({ katoCode })).nameRu).toBe('Новый район');
    });

    it.each([
      ['a code of 8 digits', { katoCode: '71000000' }, 'input.katoCode'],
      ['an unknown region', { katoCode: '990000001' }, 'input.katoCode'],
      ['a parent in another region', { parentKatoCode: '750000000' }, 'input.parentKatoCode'],
      ['an unknown parent', { parentKatoCode: '719999998' }, 'input.parentKatoCode'],
    ])('rejects %s and writes nothing', async (_w, over, field) => {
      const before = await counts();
      const input = { katoCode: uniqueKato('71'), nameKk: 'a', nameRu: 'a', parentKatoCode: '710000000', ...over };
      const r = await t.query(CREATE_UNIT, { input }, admin);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });

    it('sets the akim only to an active akimat official of the unit', async () => {
      const katoCode = uniqueKato('71');
      await createUnit(db, { katoCode, parentKatoCode: '710000000' });
      const akim = await createAkimatOfficial(db, katoCode);
      const { head } = await createProvider(db, { katoCode });
      const q = `mutation($k: String!, $a: ID) { updateAdministrativeUnit(katoCode: $k, input: { akimOfficialId: $a }) { akim { id } } }`;
      const bad = await t.query(q, { k: katoCode, a: head.id }, admin);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.akimOfficialId' });
      const ok = await t.query(q, { k: katoCode, a: akim.id }, admin);
      expect(ok.data.updateAdministrativeUnit.akim.id).toBe(akim.id);
    });
  });

  describe('officials and competences', () => {
    it('creates an akimat official (unit, no provider) and a provider official', async () => {
      const akimat = await t.query(CREATE_OFFICIAL, { input: { surname: 'Ерланова', name: 'Алия', position: 'маман', katoCode: '710000000' } }, admin);
      expect(akimat.data.createOfficial).toMatchObject({ active: true, serviceProvider: null, administrativeUnit: { katoCode: '710000000' } });
      const { provider } = await createProvider(db);
      const staff = await t.query(CREATE_OFFICIAL, { input: { surname: 'Әлиев', name: 'Дәурен', position: 'маман', serviceProviderId: provider.id } }, admin);
      expect(staff.data.createOfficial).toMatchObject({ serviceProvider: { id: provider.id }, administrativeUnit: { katoCode: provider.katoCode } });
    });

    it('rejects an official with neither provider nor unit, or with a duplicate id', async () => {
      const before = await counts();
      const none = await t.query(CREATE_OFFICIAL, { input: { surname: 'a', name: 'b', position: 'c' } }, admin);
      expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const existing = await createOfficial(db, { katoCode: '710000000' });
      const dup = await t.query(CREATE_OFFICIAL, { input: { id: existing.id, surname: 'a', name: 'b', position: 'c', katoCode: '710000000' } }, admin);
      expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual({ ...before, officials: before.officials + 1 });
    });

    it('adds competences, answers CONFLICT on the same one twice, and jurisdiction follows them', async () => {
      const { provider, head } = await createProvider(db);
      const o = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
      const input = { officialId: o.id, kind: 'PUBLIC_SERVICE', code: '00501002', name: 'Выдача паспорта' };
      const r = await t.query(CREATE_COMPETENCE, { input }, admin);
      expect(r.data.createCompetence).toMatchObject({ kind: 'PUBLIC_SERVICE', code: '00501002', active: true, official: { id: o.id } });
      const before = await counts();
      const dup = await t.query(CREATE_COMPETENCE, { input: { ...input, code: ' 00501002 ', name: 'иначе' } }, admin);
      expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);

      const who = `query($sp: ID!) { jurisdiction(addressee: PORTAL, serviceProviderId: $sp, publicService: "00501002") { id } }`;
      expect((await t.query(who, { sp: provider.id })).data.jurisdiction.id).toBe(o.id);
      const off = await t.query(`mutation($id: ID!) { deactivateCompetence(id: $id) { active } }`, { id: r.data.createCompetence.id }, admin);
      expect(off.data.deactivateCompetence.active).toBe(false);
      expect((await t.query(who, { sp: provider.id })).data.jurisdiction.id).toBe(head.id);
    });

    it('rejects a competence without a name, or for an unknown official', async () => {
      const o = await createOfficial(db, { katoCode: '710000000' });
      const before = await counts();
      const empty = await t.query(CREATE_COMPETENCE, { input: { officialId: o.id, kind: 'ISSUE_CATEGORY', name: ' ' } }, admin);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      const unknown = await t.query(
        CREATE_COMPETENCE,
        { input: { officialId: '00000000-0000-4000-8000-00000000dead', kind: 'ISSUE_CATEGORY', name: 'x' } },
        admin,
      );
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await counts()).toEqual(before);
    });
  });
});
