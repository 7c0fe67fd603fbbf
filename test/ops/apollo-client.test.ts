import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';

const ORIGIN = 'https://cabinet.example.kz';

const CABINET = gql`
  query Cabinet($first: Int) {
    myComplaints(first: $first) {
      totalCount
      edges { cursor node { id number status handler { id surname } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const FILE = gql`
  mutation File($input: FileComplaintInput!) {
    fileComplaint(input: $input) { id number }
  }
`;
const MARKS = gql`
  subscription Marks($after: String) {
    statusMarkAdded(after: $after) { kind cursor complaint { id number } }
  }
`;

/** A frontend's Apollo Client: HTTP for queries and mutations, graphql-ws for subscriptions, a bearer token on both. */
function frontendClient(url: string, token: string | undefined) {
  const authorization = token ? `Bearer ${token}` : undefined;
  const http = new HttpLink({
    uri: url,
    // What a browser page on another origin sends; CORS is checked by the gateway, not by Node's fetch.
    headers: { origin: ORIGIN, ...(authorization ? { authorization } : {}) },
  });
  const wsClient = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { origin: ORIGIN });
      }
    },
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
  });
  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(wsClient),
    http,
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return { client, close: () => wsClient.dispose() };
}

/** Takes subscription results until `count` arrived. */
function take<T>(client: ApolloClient, variables: Record<string, unknown>, count: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const got: T[] = [];
    const sub = client.subscribe({ query: MARKS, variables }).subscribe({
      next: (r) => {
        if (r.error) return reject(r.error);
        got.push(r.data as T);
        if (got.length === count) {
          sub.unsubscribe();
          resolve(got);
        }
      },
      error: reject,
    });
  });
}

describe('Apollo Client, as a frontend on another origin uses it', () => {
  let t: TestSystem;
  let providerId: string;
  beforeAll(async () => {
    t = await startTestSystem({ CORS_ORIGINS: ORIGIN });
    providerId = (await createProvider(t.system.subgraphs.directory.db)).provider.id;
  });
  afterAll(() => t?.stop());

  it('files over HTTP, reads the cabinet, and resumes the subscription after the last cursor it saw', async () => {
    const token = await t.token('citizen', { iin: validIin() });
    const { client, close } = frontendClient(t.url, token);
    try {
      const first = await client.mutate<any>({ mutation: FILE, variables: { input: complaintInput(providerId) } });
      const second = await client.mutate<any>({ mutation: FILE, variables: { input: complaintInput(providerId) } });
      const ids = [first.data!.fileComplaint.id, second.data!.fileComplaint.id];

      const cabinet = await eventually(async () => {
        const r = await client.query<any>({ query: CABINET, variables: { first: 10 }, fetchPolicy: 'network-only' });
        if (r.data!.myComplaints.edges.some((e: any) => e.node.status !== 'DELIVERED')) throw new Error('status not known yet');
        return r.data!.myComplaints;
      });
      expect(cabinet.totalCount).toBe(2);
      expect(cabinet.edges.map((e: any) => e.node.id).sort()).toEqual([...ids].sort());
      expect(cabinet.edges[0].node.handler.surname).toEqual(expect.any(String));

      type Mark = { statusMarkAdded: { kind: string; cursor: string; complaint: { id: string } } };
      const fromStart = await take<Mark>(client, { after: '0'.repeat(16) }, 2);
      expect(fromStart.map((m) => m.statusMarkAdded.complaint.id).sort()).toEqual([...ids].sort());
      // A reconnecting cabinet resumes after the last cursor it saw: only what came later arrives.
      const third = await client.mutate<any>({ mutation: FILE, variables: { input: complaintInput(providerId) } });
      const resumed = await take<Mark>(client, { after: fromStart[1].statusMarkAdded.cursor }, 1);
      expect(resumed[0].statusMarkAdded).toMatchObject({ kind: 'DELIVERED', complaint: { id: third.data!.fileComplaint.id } });
    } finally {
      await close();
    }
  });

  it('gets an error with its code, over HTTP and over the WebSocket', async () => {
    const { client, close } = frontendClient(t.url, undefined);
    try {
      const err = await client.query({ query: CABINET, errorPolicy: 'none' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(CombinedGraphQLErrors.is(err)).toBe(true);
      expect((err as CombinedGraphQLErrors).errors[0].extensions?.code).toBe('UNAUTHENTICATED');

      const wsErr = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: gql`subscription { statusMarkAdded(complaintId: "nope") { cursor } }` }).subscribe({
          next: (r) => resolve(r.error),
          error: resolve,
        });
      });
      expect(CombinedGraphQLErrors.is(wsErr)).toBe(true);
      expect((wsErr as CombinedGraphQLErrors).errors[0].extensions?.code).toEqual(expect.stringMatching(/UNAUTHENTICATED|NOT_FOUND|FORBIDDEN/));
    } finally {
      await close();
    }
  });
});
