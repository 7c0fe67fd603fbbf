import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { insertRows, insertRowsReturning } from './rows-insert';

const row = (eventId: string) => {
  const now = new Date('2026-11-25T10:00:00.123Z');
  return { eventId, type: 'ComplaintFiled', payload: '{}', createdAt: now, nextAttemptAt: now, attempts: 0 };
};

describe('rows-insert', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-rows-'));
  const db = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'r.sqlite'), entities: [OutboxMessage], synchronize: true });
  beforeAll(() => db.initialize());
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the generated ids of the rows it inserted, as stored, in one statement', async () => {
    await insertRows(db.manager, OutboxMessage, [row('a')]);
    const answered = await insertRowsReturning(db.manager, OutboxMessage, [row('b'), row('c')], ['id', 'eventId']);
    const stored = await db.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
    expect(stored.map((m) => m.eventId)).toEqual(['a', 'b', 'c']);
    expect(answered).toEqual(stored.slice(1).map((m) => ({ id: m.id, eventId: m.eventId })));
    expect(stored[1].createdAt.toISOString()).toBe('2026-11-25T10:00:00.123Z');
  });
});
