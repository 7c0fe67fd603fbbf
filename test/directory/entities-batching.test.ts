import type { DataSource } from 'typeorm';
import { createOfficial, createProvider, createUnit, uniqueKato } from '../factories/directory.factory';
import { postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { recordQueries, selectsFrom } from './sql-recorder';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Official { id surname }
    ... on ServiceProvider { id bin }
    ... on AdministrativeUnit { katoCode nameRu }
  }
}`;

describe('_entities on the directory subgraph', () => {
  let t: TestSystem;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestSystem();
    db = t.system.subgraphs.directory.db;
  });
  afterAll(() => t?.stop());

  it('resolves 100 officials, 100 providers and 100 units with one SQL query per entity type', async () => {
    const officials = [];
    const providers = [];
    const units = [];
    for (let i = 0; i < 100; i++) {
      units.push(await createUnit(db, { katoCode: uniqueKato('63'), nameRu: `unit ${i}` }));
      providers.push((await createProvider(db)).provider);
      officials.push(await createOfficial(db));
    }
    const representations = [
      ...officials.map((o) => ({ __typename: 'Official', id: o.id })),
      ...providers.map((p) => ({ __typename: 'ServiceProvider', id: p.id })),
      ...units.map((u) => ({ __typename: 'AdministrativeUnit', katoCode: u.katoCode })),
    ];

    let result: any;
    const queries = await recordQueries(db, async () => {
      result = await postGraphQL(t.system.subgraphs.directory.url, ENTITIES, { r: representations });
    });

    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toHaveLength(300);
    expect(result.data._entities.slice(0, 100).map((e: any) => e.id)).toEqual(officials.map((o) => o.id));
    expect(result.data._entities.slice(100, 200).map((e: any) => e.bin)).toEqual(providers.map((p) => p.bin));
    expect(result.data._entities.slice(200).map((e: any) => e.katoCode)).toEqual(units.map((u) => u.katoCode));
    expect(selectsFrom(queries, 'official')).toHaveLength(1);
    expect(selectsFrom(queries, 'service_provider')).toHaveLength(1);
    expect(selectsFrom(queries, 'administrative_unit')).toHaveLength(1);
  });

  it('answers null for an unknown reference without failing the others', async () => {
    const known = await createOfficial(db);
    const r = await postGraphQL(t.system.subgraphs.directory.url, ENTITIES, {
      r: [
        { __typename: 'Official', id: known.id },
        { __typename: 'Official', id: '00000000-0000-4000-8000-00000000dead' },
      ],
    });
    expect(r.data._entities).toEqual([{ id: known.id, surname: known.surname }, null]);
  });
});
