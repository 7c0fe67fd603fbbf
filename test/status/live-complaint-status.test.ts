import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { statusQuery, trackedComplaint } from './status-fixtures';

const FROM_START = '0'.repeat(16);
const LIVE = `subscription($id: ID, $after: String) {
  statusMarkAdded(complaintId: $id, after: $after) { kind complaint { number status registrationNumber } } }`;

/**
 * One subscription keeps one context for all its events; the complaint's own fields on each mark must still show
 * the complaint as it is when the mark is delivered, not as it was at the subscription's first event.
 */
describe("status: a live mark's complaint is read anew for each event", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('shows the status and registration number each mark brought, through the gateway and at status', async () => {
    const c = await trackedComplaint(t);
    const number = c.event.number;
    for (const url of [t.url, t.system.subgraphs.status.url]) {
      const client = wsClient(url, c.tokens.applicant, { lazy: false });
      try {
        const live = collect(client, LIVE, { id: c.complaintId, after: FROM_START });
        await live.next(1);
        if (url === t.url) {
          const registered = await statusQuery(t, `mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`, { id: c.complaintId }, c.tokens.handler);
          expect(registered.errors).toBeUndefined();
          expect((await live.next(2))[1].data!.statusMarkAdded).toEqual({
            kind: 'REGISTERED',
            complaint: { number, status: 'REGISTERED', registrationNumber: `${number}/Т1` },
          });
        } else {
          await live.next(2); // DELIVERED and REGISTERED, replayed
          const executed = await statusQuery(t, `mutation($id: ID!) { startExecution(complaintId: $id) { id } }`, { id: c.complaintId }, c.tokens.handler);
          expect(executed.errors).toBeUndefined();
          expect((await live.next(3))[2].data!.statusMarkAdded).toEqual({
            kind: 'IN_EXECUTION',
            complaint: { number, status: 'IN_EXECUTION', registrationNumber: `${number}/Т1` },
          });
        }
        live.close();
      } finally {
        await client.dispose();
      }
    }
  });
});
