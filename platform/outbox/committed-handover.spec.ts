import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createLogger } from '../logger';
import type { ComplaintFiledEvent, EventBatchResult, ServiceEvent } from '../../contracts/events';
import { enqueue, OutboxRelay } from './outbox-relay';
import { OutboxMessage } from './outbox-message.entity';

const event = (n: number) => ({ type: 'ComplaintFiled', eventId: `00000000-0000-4000-8000-00000000f${String(n).padStart(3, '0')}` }) as ComplaintFiledEvent;

describe('outbox relay: committed events handed over in memory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-handover-'));
  const db = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'h.sqlite'), entities: [OutboxMessage], synchronize: true });
  beforeAll(() => db.initialize());
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A relay that reads the table only when started (its poll comes once an hour), sending through `send`. */
  async function startedRelay(send: (events: ServiceEvent[]) => Promise<EventBatchResult>, lingerMs?: number): Promise<OutboxRelay> {
    const relay = new OutboxRelay({ db, logger: createLogger('silent', 'handover-spec'), pollMs: 3_600_000, lingerMs, send });
    relay.start();
    await relay.whenIdle(); // the read at start is done; whatever is sent from now on was handed over
    return relay;
  }

  const delivered = async () =>
    (await db.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })).map((r) => [r.eventId, r.deliveredAt !== null]);

  it('sends a committed event without reading the table, never a rolled-back one, and marks the row delivered', async () => {
    const sent: string[] = [];
    const relay = await startedRelay(async (events) => {
      sent.push(...events.map((e) => e.eventId));
      return { accepted: events.map((e) => e.eventId) };
    });
    try {
      await db.transaction((em) => enqueue(em, event(1)));
      await relay.whenIdle();
      expect(sent).toEqual([event(1).eventId]);

      await expect(
        db.transaction(async (em) => {
          await enqueue(em, event(2));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await db.transaction((em) => enqueue(em, event(3)));
      await relay.whenIdle();
    } finally {
      await relay.stop();
    }
    expect(sent).toEqual([event(1).eventId, event(3).eventId]);
    expect(await delivered()).toEqual([
      [event(1).eventId, true],
      [event(3).eventId, true],
    ]);
  });

  it('with lingerMs, sends the events of commits within that time in one batch', async () => {
    const batches: string[][] = [];
    const relay = await startedRelay(async (events) => {
      batches.push(events.map((e) => e.eventId));
      return { accepted: events.map((e) => e.eventId) };
    }, 1000);
    try {
      await db.transaction((em) => enqueue(em, event(11)));
      await new Promise((resolve) => setTimeout(resolve, 5)); // without the linger, event 11 would be sent by now
      await db.transaction((em) => enqueue(em, event(12)));
      await relay.whenIdle();
    } finally {
      await relay.stop();
    }
    expect(batches).toEqual([[event(11).eventId, event(12).eventId]]);
  });

  it('with lingerMs, events committed during a send wait the linger for more, not go the moment it ends', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const firstSendHeld = new Promise<void>((resolve) => (release = resolve));
    let firstSendStarted!: () => void;
    const firstSending = new Promise<void>((resolve) => (firstSendStarted = resolve));
    const relay = await startedRelay(async (events) => {
      batches.push(events.map((e) => e.eventId));
      if (batches.length === 1) {
        firstSendStarted();
        await firstSendHeld;
      }
      return { accepted: events.map((e) => e.eventId) };
    }, 1000);
    try {
      await db.transaction((em) => enqueue(em, event(21)));
      await firstSending;
      await db.transaction((em) => enqueue(em, event(22)));
      release();
      // The first send ends (and its row is marked) well within this; without the linger event 22 goes alone then.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await db.transaction((em) => enqueue(em, event(23)));
      await relay.whenIdle();
    } finally {
      await relay.stop();
    }
    expect(batches).toEqual([[event(21).eventId], [event(22).eventId, event(23).eventId]]);
  });

  it('leaves an event whose delivery failed to the poll, which sends it', async () => {
    let up = false;
    const sent: string[] = [];
    const relay = await startedRelay(async (events) => {
      if (!up) throw new Error('receiver down');
      sent.push(...events.map((e) => e.eventId));
      return { accepted: events.map((e) => e.eventId) };
    });
    try {
      await db.transaction((em) => enqueue(em, event(4)));
      await relay.whenIdle();
    } finally {
      await relay.stop();
    }
    const row = await db.getRepository(OutboxMessage).findOneByOrFail({ eventId: event(4).eventId });
    expect([row.attempts, row.deliveredAt, row.lastError]).toEqual([1, null, 'receiver down']);

    up = true;
    await db.getRepository(OutboxMessage).update({ eventId: event(4).eventId }, { nextAttemptAt: new Date(0) });
    expect(await relay.drain()).toBe(1);
    expect(sent).toEqual([event(4).eventId]);
  });
});
