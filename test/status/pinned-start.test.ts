import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../platform/database';
import { startSubgraph } from '../../platform/subgraph-server';
import { statusDatabase, statusSubgraph } from '../../subgraphs/status';
import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';
import { complaintStatus, trackedComplaint } from './status-fixtures';

const LIVE = `subscription($id: ID) { statusMarkAdded(complaintId: $id) { id kind cursor } }`;

/** A mark committed without any notice: as when the writer dies between COMMIT and PUBLISH, or Redis is down. */
function silentMark(complaintId: string, applicantIin: string): StatusMarkRecord {
  return Object.assign(new StatusMarkRecord(), {
    id: randomUUID(),
    complaintId,
    kind: 'REGISTERED',
    at: new Date(),
    actorId: null,
    applicantIin,
  });
}

describe('live marks without `after`: a pinned start, and marks found without a notice', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ STATUS_MARK_POLL_MS: '200' });
  });
  afterAll(() => t?.stop());

  it('tells a subscriber that asks where its stream starts, and delivers a mark that was never announced', async () => {
    const c = await trackedComplaint(t);
    const [delivered] = (await complaintStatus(t, c.complaintId, c.tokens.applicant)).statusMarks;
    const client = wsClient(t.system.subgraphs.status.url, c.tokens.applicant);
    try {
      const stream = collect(client, LIVE, { id: c.complaintId }, { pinStart: true });
      const [start] = await stream.next(1);
      expect(start).toEqual({ extensions: { startCursor: delivered.cursor } });

      const silent = await t.system.subgraphs.status.db.getRepository(StatusMarkRecord).save(silentMark(c.complaintId, c.event.applicantIin));
      const [, mark] = await stream.next(2);
      expect(mark.data).toEqual({ statusMarkAdded: expect.objectContaining({ id: silent.id, kind: 'REGISTERED' }) });
    } finally {
      await client.dispose();
    }
  });

  it('resumes a gateway stream opened without `after` from its pinned start when status restarts before its first mark', async () => {
    const c = await trackedComplaint(t);
    const [delivered] = (await complaintStatus(t, c.complaintId, c.tokens.applicant)).statusMarks;
    const client = wsClient(t.url, c.tokens.applicant);
    try {
      const stream = collect(client, `subscription { statusMarkAdded { id kind cursor } }`, {}, { pinStart: true });
      const [start] = await stream.next(1);
      expect(start).toEqual({ extensions: { startCursor: delivered.cursor } });

      const old = t.system.subgraphs.status;
      await old.stop();
      // Committed while status is down: only a stream resumed from its pinned start can see it.
      const db = await openDatabase(t.config, statusDatabase);
      const silent = await db.getRepository(StatusMarkRecord).save(silentMark(c.complaintId, c.event.applicantIin));
      await db.destroy();
      t.system.subgraphs.status = await startSubgraph(statusSubgraph(), {
        ...t.config,
        directory: { port: t.system.subgraphs.directory.port, url: t.system.subgraphs.directory.url },
        status: { port: old.port, url: old.url },
      });

      const results = await stream.next(2, 30_000);
      expect(results.slice(1).map((r) => r.data?.statusMarkAdded)).toEqual([expect.objectContaining({ id: silent.id })]);
      expect(t.system.gateway.stats.resumes).toBeGreaterThan(0);
    } finally {
      await client.dispose();
    }
  }, 60_000);
});
