import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestSystem, type TestSystem } from '../support/harness';
import { trackedComplaint } from './status-fixtures';

/** What one subscription on a status socket authenticated with `connectionToken` gets, acting for `userToken`. */
function subscribeOnBehalf(statusUrl: string, connectionToken: string, userToken: string, complaintId: string): Promise<string> {
  const query = `subscription($id: ID) { statusMarkAdded(complaintId: $id, after: "${'0'.repeat(16)}") { kind } }`;
  return new Promise((resolve) => {
    const client = createClient({
      url: statusUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${connectionToken}` },
    });
    const done = (text: string) => {
      resolve(text);
      void client.dispose();
    };
    client.subscribe(
      { query, variables: { id: complaintId }, extensions: { authorization: `Bearer ${userToken}` } },
      { next: (r) => done(JSON.stringify(r)), error: (e) => done(JSON.stringify(e)), complete: () => undefined },
    );
  });
}

describe('status WebSocket: subscriptions on behalf of users (the gateway multiplexes)', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('acts for the user named in extensions.authorization on a service connection', async () => {
    const c = await trackedComplaint(t);
    const got = await subscribeOnBehalf(t.system.subgraphs.status.url, await t.token('service'), c.tokens.applicant, c.complaintId);
    expect(got).toContain('DELIVERED');
  });

  it("ignores extensions.authorization on a user's own connection", async () => {
    const c = await trackedComplaint(t);
    const got = await subscribeOnBehalf(t.system.subgraphs.status.url, c.tokens.stranger, c.tokens.applicant, c.complaintId);
    expect(got).toContain('FORBIDDEN');
    expect(got).not.toContain('DELIVERED');
  });
});
