import { complaintInput } from './factories/complaint.factory';
import { createProvider } from './factories/directory.factory';
import { validIin } from './factories/iin';
import { eventually, startTestSystem, type TestSystem } from './support/harness';

describe('the federated system', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('answers one query with fields from intake, directory and status', async () => {
    const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
    const iin = validIin();
    const token = await t.token('citizen', { iin });

    const filed = await t.query(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id number } }`,
      { input: complaintInput(provider.id) },
      token,
    );
    expect(filed.errors).toBeUndefined();
    const id = filed.data.fileComplaint.id;

    const read = await eventually(async () => {
      const r = await t.query(
        `query($id: ID!) {
           complaint(id: $id) {
             number applicant { iin }
             handler { id surname position }
             serviceProvider { bin nameRu }
             status statusMarks { kind cursor }
           }
         }`,
        { id },
        token,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.complaint.statusMarks).toHaveLength(1);
      return r.data.complaint;
    });
    expect(read.number).toBe(filed.data.fileComplaint.number);
    expect(read.applicant.iin).toBe(iin);
    expect(read.handler).toEqual({ id: head.id, surname: head.surname, position: head.position });
    expect(read.serviceProvider.bin).toBe(provider.bin);
    expect(read.status).toBe('DELIVERED');
    expect(read.statusMarks[0].kind).toBe('DELIVERED');
  });

  it('answers /health with 200 when every subgraph is up', async () => {
    const res = await fetch(t.url.replace('/graphql', '/health'));
    const body = (await res.json()) as { checks: Record<string, boolean> };
    expect(res.status).toBe(200);
    expect(body.checks).toEqual({ gateway: true, intake: true, directory: true, status: true });
  });
});

describe('authentication through the gateway', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  const file = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;

  it('answers UNAUTHENTICATED without a token, with a bad one and with an expired one', async () => {
    const { provider } = await createProvider(t.system.subgraphs.directory.db);
    const input = complaintInput(provider.id);
    const expired = await t.token('citizen', { iin: validIin() }, Math.floor(Date.now() / 1000) - 5);
    for (const token of [undefined, 'not-a-jwt', expired]) {
      const r = await t.query(file, { input }, token);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers FORBIDDEN to a valid token without the right role', async () => {
    const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
    const r = await t.query(file, { input: complaintInput(provider.id) }, await t.token('official', { officialId: head.id }));
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
