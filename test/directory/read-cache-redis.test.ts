import Redis from 'ioredis';
import { startSubgraph, type RunningSubgraph } from '../../platform/subgraph-server';
import { directorySubgraph } from '../../subgraphs/directory';
import { DIRECTORY_CHANGED_CHANNEL, type DirectoryChanged } from '../../contracts/directory-changes';
import { createCompetence, createOfficial, createProvider } from '../factories/directory.factory';
import { eventually, postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { describeWithRedis, REDIS_URL } from '../support/redis';
import { recordQueries } from './sql-recorder';



const OFFICIAL_ENTITY = `query($id: ID!) {
  _entities(representations: [{ __typename: "Official", id: $id }]) { ... on Official { id surname } }
}`;
const DECIDE = `query($sp: ID!, $ps: String) {
  jurisdictionDecision(addressee: SERVICE_PROVIDER_HEAD, serviceProviderId: $sp, publicService: $ps) { official { id } }
}`;
const UPDATE_OFFICIAL = `mutation($id: ID!, $input: UpdateOfficialInput!) { updateOfficial(id: $id, input: $input) { id } }`;
const DEACTIVATE_OFFICIAL = `mutation($id: ID!) { deactivateOfficial(id: $id) { id } }`;

describeWithRedis('directory read cache: two instances over Redis', () => {
  let t: TestSystem;
  let a: RunningSubgraph;
  let b: RunningSubgraph;
  let admin: string;

  beforeAll(async () => {
    t = await startTestSystem({ REDIS_URL: REDIS_URL! });
    a = t.system.subgraphs.directory;
    // A second directory instance on the same database and Redis, as behind a load balancer.
    b = await startSubgraph(directorySubgraph(), { ...t.config, directory: { port: 0, url: '' } });
    admin = await t.token('admin');
  });
  afterAll(async () => {
    await b?.stop();
    await t?.stop();
  });

  const surnameOn = async (s: RunningSubgraph, id: string) =>
    (await postGraphQL(s.url, OFFICIAL_ENTITY, { id })).data?._entities[0].surname;

  it("an admin write on one instance empties the other's cache, with one message per commit", async () => {
    const official = await createOfficial(a.db, { surname: 'Прежняя' });
    expect(await surnameOn(b, official.id)).toBe('Прежняя');
    // B serves it from its cache, once the messages about A's set-up writes have reached it.
    await eventually(async () => expect(await recordQueries(b.db, () => surnameOn(b, official.id))).toEqual([]), 2000, 20);

    const listener = new Redis(REDIS_URL!);
    const messages: DirectoryChanged[] = [];
    try {
      listener.on('message', (_channel: string, text: string) => {
        const message = JSON.parse(text) as DirectoryChanged;
        if (message.database === a.db.options.database) messages.push(message); // not other suites' systems
      });
      await listener.subscribe(DIRECTORY_CHANGED_CHANNEL);
      const r = await postGraphQL(a.url, UPDATE_OFFICIAL, { id: official.id, input: { surname: 'Новая' } }, admin);
      expect(r.errors).toBeUndefined();
      await eventually(async () => expect(await surnameOn(b, official.id)).toBe('Новая'), 2000, 10);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The transaction's UPDATE and COMMIT publish once, and B, receiving it, does not publish again.
      expect(messages).toHaveLength(1);
    } finally {
      listener.disconnect();
    }
  });

  it("a deactivation on one instance changes the other's next jurisdiction decisions", async () => {
    const { provider, head } = await createProvider(a.db);
    const competent = await createOfficial(a.db, { serviceProviderId: provider.id, katoCode: provider.katoCode });
    await createCompetence(a.db, competent.id, { name: 'Услуга двух экземпляров' });
    const decideOnB = async () =>
      (await postGraphQL(b.url, DECIDE, { sp: provider.id, ps: 'Услуга двух экземпляров' })).data?.jurisdictionDecision
        .official.id;
    expect(await decideOnB()).toBe(competent.id);
    await eventually(async () => expect(await recordQueries(b.db, decideOnB)).toEqual([]), 2000, 20); // after A's set-up messages

    const r = await postGraphQL(a.url, DEACTIVATE_OFFICIAL, { id: competent.id }, admin);
    expect(r.errors).toBeUndefined();
    await eventually(async () => expect(await decideOnB()).toBe(head.id), 2000, 10);
  });
});
