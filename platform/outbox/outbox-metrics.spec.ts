import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createLogger } from '../logger';
import { registry } from '../metrics';
import type { ComplaintFiledEvent } from '../../contracts/events';
import { enqueue, OutboxRelay } from './outbox-relay';
import { OutboxMessage } from './outbox-message.entity';

async function value(name: string, service: string): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []).filter((v) => v.labels.service === service).reduce((sum, v) => sum + v.value, 0);
}

describe('outbox relay metrics', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-outbox-'));
  const db = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'o.sqlite'), entities: [OutboxMessage], synchronize: true });
  beforeAll(() => db.initialize());
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the backlog, the age of its oldest event, retries and deliveries', async () => {
    const service = 'outbox-spec';
    let up = false;
    const relay = new OutboxRelay({
      db,
      logger: createLogger('silent', service),
      pollMs: 60_000,
      send: async (events) => {
        if (!up) throw new Error('receiver down');
        return { accepted: events.map((e) => e.eventId) };
      },
    });
    const event = { type: 'ComplaintFiled', eventId: '00000000-0000-4000-8000-00000000e001' } as ComplaintFiledEvent;
    await enqueue(db.manager, event);
    await db.getRepository(OutboxMessage).update({ eventId: event.eventId }, { createdAt: new Date(Date.now() - 5_000) });
    relay.start(); // registers the gauges; its first run fails (the receiver is down) and postpones the event
    try {
      while ((await value('shagym_outbox_relay_retries_total', service)) < 1) await new Promise((r) => setTimeout(r, 20));
      expect(await value('shagym_outbox_backlog', service)).toBe(1);
      expect(await value('shagym_outbox_oldest_event_age_seconds', service)).toBeGreaterThanOrEqual(5);
      expect(await value('shagym_outbox_oldest_event_age_seconds', service)).toBeLessThan(3600);

      up = true;
      await db.getRepository(OutboxMessage).update({ eventId: event.eventId }, { nextAttemptAt: new Date(0) });
      expect(await relay.drain()).toBe(1);
      expect(await value('shagym_outbox_backlog', service)).toBe(0);
      expect(await value('shagym_outbox_oldest_event_age_seconds', service)).toBe(0);
      expect(await value('shagym_outbox_relay_delivered_total', service)).toBe(1);
    } finally {
      await relay.stop();
    }
    expect((await registry.getMetricsAsJSON()).find((m) => m.name === 'shagym_outbox_backlog')!.values.some((v) => v.labels.service === service)).toBe(false);
  });
});
