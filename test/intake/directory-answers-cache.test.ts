import { citizen, fileComplaint, providerWithStaff } from '../factories/complaint.factory';
import { createOfficial } from '../factories/directory.factory';
import { startTestSystem, type TestSystem } from '../support/harness';
import { REDIS_URL } from '../support/redis';


const SET_HEAD = /* GraphQL */ `
  mutation($id: ID!, $head: ID!) { updateServiceProvider(id: $id, input: { headOfficialId: $head }) { id } }
`;

/** Intake keeps the directory's jurisdiction answers; a committed directory change must reach it at once. */
describe.each([
  ['in one process', {}],
  ...(REDIS_URL ? [['over Redis', { REDIS_URL }] as [string, Record<string, string>]] : []),
])("intake's cache of jurisdiction answers (%s)", (_name, env: Record<string, string>) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(env);
  });
  afterAll(() => t?.stop());

  it('routes the next filing to a new head right after the admin changes it', async () => {
    const { provider, head } = await providerWithStaff(t);
    const { token } = await citizen(t);
    const first = await fileComplaint(t, token, provider.id);
    const firstHandler = await t.query(`query($id: ID!) { complaint(id: $id) { handler { id } } }`, { id: first.id }, token);
    expect(firstHandler.data.complaint.handler.id).toBe(head.id);

    const successor = await createOfficial(t.system.subgraphs.directory.db, { serviceProviderId: provider.id, surname: 'Преемник' });
    const r = await t.query(SET_HEAD, { id: provider.id, head: successor.id }, await t.token('admin'));
    expect(r.errors).toBeUndefined();

    const second = await fileComplaint(t, token, provider.id);
    const secondHandler = await t.query(`query($id: ID!) { complaint(id: $id) { handler { id } } }`, { id: second.id }, token);
    expect(secondHandler.data.complaint.handler.id).toBe(successor.id);
  });
});

describe("intake's cache of jurisdiction answers during a directory outage", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('still accepts a filing whose answer it holds, and refuses retryably one it has never asked', async () => {
    const known = await providerWithStaff(t);
    const unknown = await providerWithStaff(t);
    const { token } = await citizen(t);
    await fileComplaint(t, token, known.provider.id);

    await t.system.subgraphs.directory.stop();
    const again = await fileComplaint(t, token, known.provider.id);
    expect(again.id).toBeTruthy();
    await expect(fileComplaint(t, token, unknown.provider.id)).rejects.toThrow(/SERVICE_UNAVAILABLE/);
  });
});
