import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { InProcessPubSub } from '../../../platform/pubsub/in-process-pubsub';
import { StatusMarkRecord } from '../marks/status-mark.entity';
import { MarkDispatcher, type MarkNotice } from './mark-dispatcher';

describe('MarkDispatcher poll (marks whose notice never came)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-dispatcher-'));
  const db = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'd.sqlite'), entities: [StatusMarkRecord], synchronize: true });
  beforeAll(() => db.initialize());
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let n = 0;
  /** A committed mark of `complaintId` that nobody published. */
  async function commitUnpublished(complaintId: string): Promise<number> {
    n++;
    const row = { id: `m-${n}`, complaintId, kind: 'REGISTERED', at: new Date(0), applicantIin: '900101300001', complaintSeq: n, applicantSeq: n };
    const result = await db.getRepository(StatusMarkRecord).insert(row as Partial<StatusMarkRecord>);
    return Number(result.identifiers[0].seq);
  }

  it('hands out what a tick read a moment later, so a notice on its way has time to come first', async () => {
    const marks = new MarkDispatcher(new InProcessPubSub(), { db, pollMs: 3_600_000 });
    const got: MarkNotice[] = [];
    const stop = await marks.listen({ complaintId: 'c1' }, (m) => got.push(m));
    try {
      await marks.tick(); // the first tick only learns where the table ends
      const seq = await commitUnpublished('c1');
      await marks.tick();
      expect(got).toEqual([]);
      for (let waited = 0; got.length === 0 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(got).toEqual([{ seq, complaintId: 'c1', applicantIin: '900101300001' }]);
    } finally {
      stop();
      marks.close();
    }
  });

  it('hands out everything at once when asked (a Redis reconnect: notices were lost)', async () => {
    const marks = new MarkDispatcher(new InProcessPubSub(), { db, pollMs: 3_600_000 });
    const got = new Set<number>(); // the poll's look-back hands a mark out more than once: streams skip repeats
    const stop = await marks.listen({ complaintId: 'c2' }, (m) => got.add(m.seq));
    try {
      await marks.tick();
      const held = await commitUnpublished('c2');
      await marks.tick(); // read, and held for the grace
      const fresh = await commitUnpublished('c2');
      await marks.pollNow();
      expect([...got]).toEqual([held, fresh]);
    } finally {
      stop();
      marks.close();
    }
  });
});
