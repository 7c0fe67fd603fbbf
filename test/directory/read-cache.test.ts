import type { DataSource } from 'typeorm';
import { startSubgraph, type RunningSubgraph } from '../../platform/subgraph-server';
import { directorySubgraph } from '../../subgraphs/directory';
import { CompetenceKind } from '../../subgraphs/directory/competences';
import { OfficialRecord } from '../../subgraphs/directory/officials';
import { createCompetence, createOfficial, createProvider } from '../factories/directory.factory';
import { eventually, postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { testConfig } from '../support/test-config';
import { recordQueries, selectsFrom } from './sql-recorder';

const DECIDE = `query($sp: ID!, $ps: String) {
  jurisdictionDecision(addressee: SERVICE_PROVIDER_HEAD, serviceProviderId: $sp, publicService: $ps) { official { id surname } rule }
}`;
const OFFICIAL_ENTITY = `query($id: ID!) {
  _entities(representations: [{ __typename: "Official", id: $id }]) { ... on Official { id surname position active } }
}`;
const OFFICIAL = `query($id: ID!) { official(id: $id) { id surname } }`;
const UPDATE_OFFICIAL = `mutation($id: ID!, $input: UpdateOfficialInput!) { updateOfficial(id: $id, input: $input) { id } }`;
const DEACTIVATE_OFFICIAL = `mutation($id: ID!) { deactivateOfficial(id: $id) { id } }`;
const CREATE_COMPETENCE = `mutation($input: CreateCompetenceInput!) { createCompetence(input: $input) { id } }`;
const UPDATE_PROVIDER = `mutation($id: ID!, $input: UpdateServiceProviderInput!) { updateServiceProvider(id: $id, input: $input) { id } }`;

/** A change made behind TypeORM's back: raw SQL fires no entity events, so nothing invalidates the cache. */
const changePositionBehindTheCache = (db: DataSource, id: string, position: string) =>
  db.query('UPDATE official SET position = ? WHERE id = ?', [position, id]);

describe('directory read cache', () => {
  let t: TestSystem;
  let db: DataSource;
  let directoryUrl: string;
  let admin: string;
  let service: string;
  beforeAll(async () => {
    t = await startTestSystem();
    db = t.system.subgraphs.directory.db;
    directoryUrl = t.system.subgraphs.directory.url;
    admin = await t.token('admin');
    service = await t.token('service');
  });
  afterAll(() => t?.stop());

  const decide = (sp: string, ps?: string) => t.query(DECIDE, { sp, ps }, service);
  const entity = async (id: string) => (await postGraphQL(directoryUrl, OFFICIAL_ENTITY, { id })).data?._entities[0];
  async function asAdmin(mutation: string, variables: Record<string, unknown>) {
    const r = await t.query(mutation, variables, admin);
    expect(r.errors).toBeUndefined();
  }

  it('answers a repeated jurisdiction decision without SQL; the next decision after an admin change reflects it', async () => {
    const { provider, head } = await createProvider(db);
    const competent = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
    await createCompetence(db, competent.id, { name: 'Услуга кэша' });

    expect((await decide(provider.id, 'Услуга кэша')).data.jurisdictionDecision.official.id).toBe(competent.id);
    let again: any;
    const sql = await recordQueries(db, async () => (again = await decide(provider.id, 'Услуга кэша')));
    expect(again.data.jurisdictionDecision.official.id).toBe(competent.id);
    expect(sql).toEqual([]);

    await asAdmin(DEACTIVATE_OFFICIAL, { id: competent.id });
    const afterDeactivation = await decide(provider.id, 'Услуга кэша');
    expect(afterDeactivation.data.jurisdictionDecision.official.id).toBe(head.id);
    expect(afterDeactivation.data.jurisdictionDecision.rule).toMatch(/nobody there is on record as competent/);

    const newcomer = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
    expect((await decide(provider.id, 'Услуга кэша')).data.jurisdictionDecision.official.id).toBe(head.id); // cached again
    await asAdmin(CREATE_COMPETENCE, { input: { officialId: newcomer.id, kind: 'PUBLIC_SERVICE', name: 'Услуга кэша' } });
    expect((await decide(provider.id, 'Услуга кэша')).data.jurisdictionDecision.official.id).toBe(newcomer.id);

    expect((await decide(provider.id)).data.jurisdictionDecision.official.id).toBe(head.id);
    await asAdmin(UPDATE_PROVIDER, { id: provider.id, input: { headOfficialId: newcomer.id } });
    expect((await decide(provider.id)).data.jurisdictionDecision.official.id).toBe(newcomer.id);
  });

  it('keys decisions on every field of the query', async () => {
    const { provider, head } = await createProvider(db);
    const byService = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
    const byCategory = await createOfficial(db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
    await createCompetence(db, byService.id, { name: 'Услуга A' });
    await createCompetence(db, byCategory.id, { kind: CompetenceKind.ISSUE_CATEGORY, name: 'Категория B' });
    const ask = (vars: Record<string, unknown>) =>
      t.query(
        `query($sp: ID!, $a: Addressee!, $ps: String, $cat: String) {
          jurisdictionDecision(addressee: $a, serviceProviderId: $sp, publicService: $ps, issueCategory: $cat) { official { id } rule }
        }`,
        { sp: provider.id, a: 'SERVICE_PROVIDER_HEAD', ...vars },
        service,
      );
    const answers = [];
    for (const vars of [{}, { ps: 'Услуга A' }, { cat: 'Категория B' }, { a: 'PORTAL' }, { ps: 'Услуга A' }]) {
      const r = await ask(vars);
      answers.push([r.data.jurisdictionDecision.official.id, /portal/.test(r.data.jurisdictionDecision.rule)]);
    }
    expect(answers).toEqual([
      [head.id, false],
      [byService.id, false],
      [byCategory.id, false],
      [head.id, true],
      [byService.id, false],
    ]);
  });

  it('serves _entities and official(id) from the cache and follows updateOfficial at once', async () => {
    const official = await createOfficial(db, { surname: 'Прежняя' });
    expect((await entity(official.id)).surname).toBe('Прежняя');
    let cached: any;
    const sql = await recordQueries(db, async () => {
      cached = await entity(official.id);
      await postGraphQL(directoryUrl, OFFICIAL, { id: official.id });
    });
    expect(cached.surname).toBe('Прежняя');
    expect(sql).toEqual([]);

    await asAdmin(UPDATE_OFFICIAL, { id: official.id, input: { surname: 'Новая' } });
    expect((await entity(official.id)).surname).toBe('Новая');
    expect((await t.query(OFFICIAL, { id: official.id })).data.official.surname).toBe('Новая');
  });

  it('keeps serving a row changed by raw SQL until a write through TypeORM invalidates the cache', async () => {
    const official = await createOfficial(db, { position: 'до' });
    const other = await createOfficial(db);
    expect((await entity(official.id)).position).toBe('до');
    await changePositionBehindTheCache(db, official.id, 'после');
    expect((await entity(official.id)).position).toBe('до');
    await asAdmin(UPDATE_OFFICIAL, { id: other.id, input: { position: 'любая запись' } }); // any write empties it all
    expect((await entity(official.id)).position).toBe('после');
  });

  it('drops, at commit, what was read while a writing transaction was open', async () => {
    const official = await createOfficial(db, { surname: 'Прежняя' });
    await db.transaction(async (em) => {
      await em.update(OfficialRecord, { id: official.id }, { surname: 'Новая' });
      // On MariaDB this read comes from another connection and sees the committed row, the old one: the cache
      // would keep it but for the commit. SQLite has one connection, which already sees the change.
      const during = (await entity(official.id)).surname;
      if (db.options.type !== 'better-sqlite3') expect(during).toBe('Прежняя');
    });
    expect((await entity(official.id)).surname).toBe('Новая');
  });

  it('does not cache refusals: an unknown provider is looked up every time', async () => {
    const unknown = '00000000-0000-4000-8000-00000000beef';
    expect((await decide(unknown)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    let again: any;
    const sql = await recordQueries(db, async () => (again = await decide(unknown)));
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(selectsFrom(sql, 'service_provider')).toHaveLength(1);
  });
});

describe('directory read cache TTL', () => {
  const started: { server: RunningSubgraph; cleanup: () => Promise<void> }[] = [];
  async function directoryWith(ttlMs: string) {
    const { config, cleanup } = testConfig({ DIRECTORY_CACHE_TTL_MS: ttlMs });
    const server = await startSubgraph(directorySubgraph(), config);
    started.push({ server, cleanup });
    const official = await createOfficial(server.db, { position: 'до' });
    const position = async () =>
      (await postGraphQL(server.url, OFFICIAL_ENTITY, { id: official.id })).data?._entities[0].position as string;
    return { server, official, position };
  }
  afterAll(async () => {
    for (const s of started) {
      await s.server.stop();
      await s.cleanup();
    }
  });

  it('lets an entry expire after DIRECTORY_CACHE_TTL_MS, catching changes no event announced', async () => {
    const { server, official, position } = await directoryWith('400');
    expect(await position()).toBe('до');
    await changePositionBehindTheCache(server.db, official.id, 'после');
    expect(await position()).toBe('до');
    await eventually(async () => expect(await position()).toBe('после'), 3000);
  });

  it('caches nothing when DIRECTORY_CACHE_TTL_MS is 0', async () => {
    const { server, official, position } = await directoryWith('0');
    expect(await position()).toBe('до');
    await changePositionBehindTheCache(server.db, official.id, 'после');
    expect(await position()).toBe('после');
  });
});
