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
});
