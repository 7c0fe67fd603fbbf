import type { RunningSubgraph } from '../../platform/subgraph-server';
import { startSecondStatus, startTestSystem, type TestSystem } from '../support/harness';
import { describeWithRedis, REDIS_URL } from '../support/redis';
import { collect, wsClient } from '../support/ws-client';
import { statusQuery, trackedComplaint } from './status-fixtures';



const MARKS = `subscription($id: ID, $after: String) { statusMarkAdded(complaintId: $id, after: $after) { kind cursor complaint { id } } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { cursor } }`;

describeWithRedis('status: two instances over Redis', () => {
  let t: TestSystem;
  let second: RunningSubgraph;

  beforeAll(async () => {
    t = await startTestSystem({ REDIS_URL: REDIS_URL! });
    // A second status instance on the same database and Redis, as behind a load balancer.
    second = await startSecondStatus(t);
  });
  afterAll(async () => {
    await second?.stop();
    await t?.stop();
  });

  it('delivers a mark written on one instance to a subscriber connected to the other', async () => {
    const c = await trackedComplaint(t); // delivered to the first instance
    const client = wsClient(second.url, c.tokens.applicant, { lazy: false });
    try {
      // Resume from DELIVERED, so the REGISTERED written on the first instance is either replayed or live.
      const firstMarks = await statusQuery(
        t,
        `query($id: ID!) { _entities(representations: [{ __typename: "Complaint", id: $id }]) { ... on Complaint { statusMarks { cursor } } } }`,
        { id: c.complaintId },
        c.tokens.applicant,
      );
      const resumed = collect(client, MARKS, { id: c.complaintId, after: firstMarks.data._entities[0].statusMarks[0].cursor });
      const reg = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
      expect(reg.errors).toBeUndefined();
      const [registered] = await resumed.next(1);
      expect(registered.data!.statusMarkAdded).toMatchObject({ kind: 'REGISTERED', complaint: { id: c.complaintId } });

      // Live only, now that the subscription is certainly up: the next mark must come through Redis.
      const exec = await statusQuery(t, `mutation($id: ID!) { startExecution(complaintId: $id) { cursor } }`, { id: c.complaintId }, c.tokens.handler);
      expect(exec.errors).toBeUndefined();
      const results = await resumed.next(2);
      expect(results.map((r) => r.data!.statusMarkAdded.kind)).toEqual(['REGISTERED', 'IN_EXECUTION']);
      expect(results[1].data!.statusMarkAdded.cursor).toBe(exec.data.startExecution.cursor);
      resumed.close();
    } finally {
      await client.dispose();
    }
  });
});
