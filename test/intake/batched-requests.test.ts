import { postJson } from '../../platform/json-post';
import { citizen, fileComplaint, providerWithStaff } from '../factories/complaint.factory';
import { startTestSystem, type TestSystem } from '../support/harness';

const MINE = '{ myComplaints { edges { node { id } } } }';

type Answer = { data?: { myComplaints: { edges: { node: { id: string } }[] } } | null; errors?: { extensions?: { code?: string } }[] };

/** A subgraph runs each operation of a batched request with a context of its own: for whom depends on the sender. */
describe('a batched request to a subgraph', () => {
  let t: TestSystem;
  let a: { token: string; id: string };
  let b: { token: string; id: string };
  beforeAll(async () => {
    t = await startTestSystem();
    const { provider } = await providerWithStaff(t);
    for (const who of ['a', 'b'] as const) {
      const { token } = await citizen(t);
      const filed = await fileComplaint(t, token, provider.id);
      if (who === 'a') a = { token, id: filed.id };
      else b = { token, id: filed.id };
    }
  });
  afterAll(() => t?.stop());

  const batch = (authorization: string, operations: object[]) =>
    postJson<Answer[]>(t.system.subgraphs.intake.url, operations, { authorization });

  it('from a service: each operation acts for the user it names, or for nobody when it names none', async () => {
    const service = await t.token('service', { sub: 'gateway' });
    const res = await batch(`Bearer ${service}`, [
      { query: MINE, extensions: { authorization: `Bearer ${a.token}` } },
      { query: MINE },
      { query: MINE, extensions: { authorization: `Bearer ${b.token}` } },
    ]);
    expect(res.status).toBe(200);
    const [forA, forNobody, forB] = res.body;
    expect(forA.data!.myComplaints.edges.map((e) => e.node.id)).toEqual([a.id]);
    expect(forNobody.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(forB.data!.myComplaints.edges.map((e) => e.node.id)).toEqual([b.id]);
  });

  it('from anyone else: every operation acts for the sender, whatever user it names', async () => {
    const res = await batch(`Bearer ${a.token}`, [{ query: MINE }, { query: MINE, extensions: { authorization: `Bearer ${b.token}` } }]);
    expect(res.body.map((r) => r.data!.myComplaints.edges.map((e) => e.node.id))).toEqual([[a.id], [a.id]]);
  });

  it('is refused at the gateway, which takes one operation per request', async () => {
    const res = await postJson<{ errors: { message: string; extensions: { code: string } }[] }>(t.url, [{ query: MINE }, { query: MINE }], {
      authorization: `Bearer ${a.token}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ message: expect.stringMatching(/one operation per request/), extensions: { code: 'BAD_REQUEST' } });
  });
});
