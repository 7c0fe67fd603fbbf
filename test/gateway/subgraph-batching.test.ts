import type { IncomingMessage } from 'node:http';
import { citizen, fileComplaint, providerWithStaff } from '../factories/complaint.factory';
import { startTestSystem, type TestSystem } from '../support/harness';

const CABINET = /* GraphQL */ `
  query($id: ID!) { complaint(id: $id) { number handler { id surname } serviceProvider { id nameRu } statusMarks { kind } } }
`;

describe("gateway: a plan's parallel fetches to one subgraph", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('reach the directory as one batched HTTP request, and each part of the answer lands in its place', async () => {
    const { provider, head } = await providerWithStaff(t);
    const { token } = await citizen(t);
    const { id } = await fileComplaint(t, token, provider.id);

    const requests: string[] = [];
    const count = (req: IncomingMessage) => req.url === '/graphql' && requests.push(`${req.method} ${req.url}`);
    const directory = t.system.subgraphs.directory.httpServer;
    directory.on('request', count);
    try {
      const r = await t.query(CABINET, { id }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data.complaint.handler).toEqual({ id: head.id, surname: head.surname });
      expect(r.data.complaint.serviceProvider).toEqual({ id: provider.id, nameRu: provider.nameRu });
    } finally {
      directory.off('request', count);
    }
    expect(requests).toHaveLength(1);
  });

  it("keeps 20 concurrent cabinets' batched fetches apart: each sees its own complaint and handler, nobody else's", async () => {
    const { provider, head } = await providerWithStaff(t);
    const cabinets = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const { token } = await citizen(t);
        return { token, id: (await fileComplaint(t, token, provider.id)).id };
      }),
    );
    const MINE = `{ myComplaints { edges { node { id handler { id } } } } }`;
    const answers = await Promise.all(cabinets.map((c) => t.query(MINE, {}, c.token)));
    answers.forEach((r, i) => {
      expect(r.errors).toBeUndefined();
      expect(r.data.myComplaints.edges).toEqual([{ node: { id: cabinets[i].id, handler: { id: head.id } } }]);
    });
  });
});
