import { IsNull, Not } from 'typeorm';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSystem, type RunningSystem } from '../../scripts/system';
import { TokenService } from '../../platform/auth';
import { complaintInput, FILE_COMPLAINT } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { eventually, postGraphQL } from '../support/harness';
import { testConfig } from '../support/test-config';

const STATUS = `query($id: ID!) { complaint(id: $id) { id status statusMarks { kind } } }`;

describe('the ComplaintFiled event across a restart', () => {
  const { config, cleanup } = testConfig();
  const tokens = new TokenService(config.auth.jwtSecret);
  let first: RunningSystem | undefined;
  let second: RunningSystem | undefined;
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await cleanup();
  });

  it('is stored with the complaint, survives a restart before delivery, and is delivered once', async () => {
    first = await startSystem(config);
    const { provider } = await createProvider(first.subgraphs.directory.db);
    const iin = validIin();
    const token = await tokens.mint({ sub: iin, role: 'citizen', iin });

    await first.subgraphs.status.stop();
    const filed = await postGraphQL(first.url, FILE_COMPLAINT, { input: complaintInput(provider.id) }, token);
    expect(filed.errors).toBeUndefined();
    const id = filed.data.fileComplaint.id;

    // The relay tried and failed: the event waits in the outbox, undelivered.
    const outbox = () => first!.subgraphs.intake.db.getRepository(OutboxMessage);
    const pending = await eventually(async () => {
      const m = await outbox().findOneByOrFail({ deliveredAt: IsNull() });
      expect(m.attempts).toBeGreaterThan(0);
      return m;
    });
    expect(JSON.parse(pending.payload)).toMatchObject({ type: 'ComplaintFiled', complaintId: id });
    await first.stop();
    first = undefined;

    second = await startSystem(config);
    const db = second.subgraphs.intake.db;
    await eventually(async () => expect(await db.getRepository(OutboxMessage).countBy({ deliveredAt: Not(IsNull()) })).toBe(1), 30_000);
    const read = await eventually(async () => {
      const r = await postGraphQL(second!.url, STATUS, { id }, token);
      expect(r.errors).toBeUndefined();
      return r.data.complaint;
    });
    expect(read.status).toBe('DELIVERED');
    expect(read.statusMarks).toEqual([{ kind: 'DELIVERED' }]);

    // A redelivery (e.g. the acknowledgement was lost) is applied once.
    await db.getRepository(OutboxMessage).update({ id: pending.id }, { deliveredAt: null, nextAttemptAt: new Date() });
    await eventually(async () => expect(await db.getRepository(OutboxMessage).countBy({ deliveredAt: IsNull() })).toBe(0), 30_000);
    const again = await postGraphQL(second.url, STATUS, { id }, token);
    expect(again.data.complaint.statusMarks).toEqual([{ kind: 'DELIVERED' }]);
  });
});
