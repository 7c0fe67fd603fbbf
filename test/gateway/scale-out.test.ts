import { startGateway, type RunningGateway } from '../../gateway';
import type { RunningSubgraph } from '../../platform/subgraph-server';
import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { postGraphQL, startSecondStatus, startTestSystem, type TestSystem } from '../support/harness';
import { describeWithRedis, REDIS_URL } from '../support/redis';
import { collect, wsClient } from '../support/ws-client';

const FROM_START = '0'.repeat(16);
const CABINET = `subscription($after: String) { statusMarkAdded(after: $after) { kind complaint { id number handler { surname } } } }`;
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id number } }`;

/**
 * Two gateways, two status instances, one Redis: gateway A talks to status A, gateway B to status B. A mark
 * written by status A (the outbox relay delivers there) reaches cabinets connected through either gateway.
 */
describeWithRedis('scale-out: two gateways and two status instances over Redis', () => {
  let t: TestSystem;
  let statusB: RunningSubgraph;
  let gatewayB: RunningGateway;

  beforeAll(async () => {
    t = await startTestSystem({ REDIS_URL: REDIS_URL! });
    const { intake, directory } = t.system.subgraphs;
    statusB = await startSecondStatus(t);
    gatewayB = await startGateway(
      { ...t.config, gateway: { port: 0 } },
      { subgraphUrls: { intake: intake.url, directory: directory.url, status: statusB.url } },
    );
  });
  afterAll(async () => {
    await gatewayB?.stop();
    await statusB?.stop();
    await t?.stop();
  });

  it('delivers a mark written through one status instance to cabinets on both gateways', async () => {
    const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
    const token = await t.token('citizen', { iin: validIin() });
    const onA = wsClient(t.url, token);
    const onB = wsClient(gatewayB.url, token);
    try {
      const subA = collect(onA, CABINET, { after: FROM_START });
      const subB = collect(onB, CABINET, { after: FROM_START });
      const first = await postGraphQL(t.url, FILE, { input: complaintInput(provider.id) }, token);
      await Promise.all([subA.next(1), subB.next(1)]);
      // Now both are live: the second mark must arrive through Redis on B, directly on A.
      const second = await postGraphQL(gatewayB.url, FILE, { input: complaintInput(provider.id) }, token);
      const [a, b] = await Promise.all([subA.next(2), subB.next(2)]);
      const ids = [first.data.fileComplaint.id, second.data.fileComplaint.id];
      for (const results of [a, b]) {
        expect(results.map((r) => r.data?.statusMarkAdded.complaint.id)).toEqual(ids);
        expect(results[1].data?.statusMarkAdded.complaint.handler).toEqual({ surname: head.surname });
      }
    } finally {
      await Promise.all([onA.dispose(), onB.dispose()]);
    }
  });
});
