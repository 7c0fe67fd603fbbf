import { postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { citizen, fileComplaint, providerWithStaff } from '../factories/complaint.factory';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id number } } }`;

describe('the Complaint reference resolver', () => {
  let t: TestSystem;
  let ids: string[];
  let owner: { iin: string; token: string };
  beforeAll(async () => {
    t = await startTestSystem();
    const { provider } = await providerWithStaff(t);
    owner = await citizen(t);
    ids = [];
    for (let i = 0; i < 50; i++) ids.push((await fileComplaint(t, owner.token, provider.id)).id);
    const other = await citizen(t);
    for (let i = 0; i < 50; i++) ids.push((await fileComplaint(t, other.token, provider.id)).id);
  });
  afterAll(() => t?.stop());

  /** Counts the SQL statements intake's database runs on the complaint table while `work` runs. */
  async function complaintQueries(work: () => Promise<unknown>): Promise<number> {
    const logger = t.system.subgraphs.intake.db.logger;
    const spy = jest.spyOn(logger, 'logQuery');
    try {
      await work();
      return spy.mock.calls.filter(([sql]) => /from\s+[`"]?complaint[`"]?/i.test(String(sql))).length;
    } finally {
      spy.mockRestore();
    }
  }

  it('resolves 100 complaints with one query', async () => {
    const admin = await t.token('admin');
    let result: any;
    const queries = await complaintQueries(async () => {
      result = await postGraphQL(t.system.subgraphs.intake.url, ENTITIES, { r: ids.map((id) => ({ __typename: 'Complaint', id })) }, admin);
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((c: { id: string }) => c.id)).toEqual(ids);
    expect(queries).toBe(1);
  });

  it('applies visibility per complaint: a citizen gets their own and FORBIDDEN for the others', async () => {
    const r = await postGraphQL(t.system.subgraphs.intake.url, ENTITIES, { r: ids.map((id) => ({ __typename: 'Complaint', id })) }, owner.token);
    expect(r.data._entities.slice(0, 50).map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 50));
    expect(r.data._entities.slice(50).every((c: unknown) => c === null)).toBe(true);
    expect(r.errors).toHaveLength(50);
    expect(r.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });
});

describe('contactCenter', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('gives the contact centre phones and the court as the next step, without a token', async () => {
    const r = await t.query(`{ contactCenter { phones lines { number free } courtAppeal { termMonths legalBasis } source } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.contactCenter.phones).toEqual(['1414', '8-800-080-7777']);
    expect(r.data.contactCenter.lines).toContainEqual({ number: '8-800-080-7777', free: true });
    expect(r.data.contactCenter.courtAppeal.termMonths).toBe(1);
    expect(r.data.contactCenter.courtAppeal.legalBasis).toContain('136');
    expect(r.data.contactCenter.source).toContain('seed');
  });
});
