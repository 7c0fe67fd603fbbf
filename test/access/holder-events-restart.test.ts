/**
 * Access follows the complaint across services durably: the forward's ComplaintHandlerChanged event waits in
 * status's outbox while intake is down, survives a restart, is delivered, and a redelivery changes nothing.
 */
import { IsNull, Not } from 'typeorm';
import { TokenService } from '../../platform/auth';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSystem, type RunningSystem } from '../../scripts/system';
import { complaintInput, FILE_COMPLAINT } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, postGraphQL } from '../support/harness';
import { testConfig } from '../support/test-config';

const LIST = `{ complaints(first: 100) { totalCount edges { node { id } } } }`;
const FORWARD = `mutation($id: ID!, $to: ID!) { forwardComplaint(complaintId: $id, toOfficialId: $to, reason: "Құзыретіне жатпайды") { kind } }`;

describe('the ComplaintHandlerChanged event across a restart', () => {
  const { config, cleanup } = testConfig();
  const tokens = new TokenService(config.auth.jwtSecret);
  let first: RunningSystem | undefined;
  let second: RunningSystem | undefined;
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await cleanup();
  });

  it('waits in status while intake is down, is delivered after a restart, and applies once', async () => {
    first = await startSystem(config);
    const a = await createProvider(first.subgraphs.directory.db);
    const b = await createProvider(first.subgraphs.directory.db);
    const iin = validIin();
    const citizen = await tokens.mint({ sub: iin, role: 'citizen', iin });
    const aHead = await tokens.mint({ sub: 'a', role: 'official', officialId: a.head.id });
    const bHead = await tokens.mint({ sub: 'b', role: 'official', officialId: b.head.id });
    const filed = await postGraphQL(first.url, FILE_COMPLAINT, { input: complaintInput(a.provider.id) }, citizen);
    const id = filed.data.fileComplaint.id as string;
    await eventually(async () => {
      const r = await postGraphQL(first!.url, `query($id: ID!) { complaint(id: $id) { status } }`, { id }, aHead);
      expect(r.data?.complaint?.status).toBe('DELIVERED');
    });

    await first.subgraphs.intake.stop();
    const fwd = await postGraphQL(first.subgraphs.status.url, FORWARD, { id, to: b.head.id }, aHead);
    expect(fwd.errors).toBeUndefined();
    const outbox = () => first!.subgraphs.status.db.getRepository(OutboxMessage);
    const pending = await eventually(async () => {
      const m = await outbox().findOneByOrFail({ type: 'ComplaintHandlerChanged', deliveredAt: IsNull() });
      expect(m.attempts).toBeGreaterThan(0);
      return m;
    });
    expect(JSON.parse(pending.payload)).toMatchObject({ complaintId: id, toHandlerId: b.head.id, fromHandlerId: a.head.id });
    await first.stop();
    first = undefined;

    second = await startSystem(config);
    const db = second.subgraphs.status.db;
    await eventually(async () => expect(await db.getRepository(OutboxMessage).countBy({ deliveredAt: IsNull() })).toBe(0), 30_000);
    const listed = async (token: string) =>
      ((await postGraphQL(second!.url, LIST, {}, token)).data.complaints.edges as { node: { id: string } }[]).map((e) => e.node.id);
    expect(await listed(bHead)).toEqual([id]);
    expect(await listed(aHead)).toEqual([id]); // the forwarding body keeps read access

    // A redelivery (the acknowledgement was lost) changes nothing.
    await db.getRepository(OutboxMessage).update({ id: pending.id }, { deliveredAt: null, nextAttemptAt: new Date() });
    await eventually(async () => expect(await db.getRepository(OutboxMessage).countBy({ deliveredAt: Not(IsNull()), id: pending.id })).toBe(1), 30_000);
    expect(await listed(bHead)).toEqual([id]);
    const cur = await postGraphQL(second.url, `query($id: ID!) { complaint(id: $id) { currentHandler { id } } }`, { id }, bHead);
    expect(cur.data.complaint.currentHandler).toEqual({ id: b.head.id });
  });
});
