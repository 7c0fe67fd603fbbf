import { IsNull, LessThanOrEqual, type DataSource, In } from 'typeorm';
import type { Logger } from '../logger';
import type { EventBatchResult, ServiceEvent } from '../../contracts/events';
import { addSource, outboxAgeGauges, outboxBacklogGauges, relayDelivered, relayRetries } from '../metrics';
import { contextFrom, endSpan, SpanKind, startSpan, traceHeaders, tracingEnabled } from '../tracing';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { OutboxMessage } from './outbox-message.entity';
import { receiveCommitted } from './committed-handover';

export { enqueue } from './enqueue';

export interface OutboxRelayOptions {
  db: DataSource;
  logger: Logger;
  /** Delivers a batch; resolves with the ids the receiver applied. */
  send: (events: ServiceEvent[]) => Promise<EventBatchResult>;
  pollMs?: number;
  /**
   * How long a wake waits before sending, so the commits of that moment go in one batch: one request and one
   * delivered-UPDATE for many events. 0 (the default) sends at the next turn of the event loop.
   */
  lingerMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
}

/**
 * At-least-once delivery of the outbox. Events committed in this process are handed over in memory
 * (committed-handover) and sent at once; the table is polled every `pollMs` (and at start) only for what that missed:
 * rows left by a crash or another instance, and retries. Either way a row is marked delivered once the receiver has
 * applied it; a crash before that leaves it for the next poll, and the receiver ignores repeats.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private pollDue = false;
  private stopped = false;
  /** Committed events not yet sent, in commit order. */
  private handedOver: ServiceEvent[] = [];
  private stopReceiving?: () => void;
  private readonly service: string;
  private removeGauges?: () => void;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.service = String((opts.logger.bindings?.() as { service?: string } | undefined)?.service ?? 'unknown');
  }

  start(): void {
    this.stopped = false;
    this.removeGauges ??= this.watchBacklog();
    this.stopReceiving ??= receiveCommitted(this.opts.db, (events) => this.receive(events));
    this.poll();
  }

  /** Backlog and age of the oldest undelivered message, read at scrape time (metrics). */
  private watchBacklog(): () => void {
    // One small indexed query per gauge and scrape (every few seconds): nothing is cached, so a scrape is never stale.
    const read = () =>
      this.opts.db
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .select('COUNT(*)', 'count')
        .addSelect('MIN(m.createdAt)', 'oldest')
        .where('m.deliveredAt IS NULL')
        .getRawOne()
        .then((r: { count: string | number; oldest: string | Date | null } | undefined) => ({
          count: Number(r?.count ?? 0),
          oldest: r?.oldest ? utcDate(r.oldest) : null,
        }))
        .catch(() => ({ count: 0, oldest: null }));
    const labels = { service: this.service };
    const removeBacklog = addSource(outboxBacklogGauges, async () => [{ labels, value: (await read()).count }]);
    const removeAge = addSource(outboxAgeGauges, async () => {
      const { oldest } = await read();
      return [{ labels, value: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0 }];
    });
    return () => {
      removeBacklog();
      removeAge();
    };
  }

  /** Committed events arrive by themselves (committed-handover); a kick only makes sure they are being sent. */
  kick(): void {
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.removeGauges?.();
    this.removeGauges = undefined;
    this.stopReceiving?.();
    this.stopReceiving = undefined;
    this.handedOver = [];
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    await this.running;
  }

  /** Resolves once the relay has nothing in hand: no run in progress or about to start. */
  async whenIdle(): Promise<void> {
    while (this.running || this.timer) await (this.running ?? new Promise((resolve) => setImmediate(resolve)));
  }

  private receive(events: ServiceEvent[]): void {
    if (this.stopped) return;
    // Beyond this the poll catches up (a receiver down for long must not grow the heap).
    if (this.handedOver.length < MAX_HANDED_OVER) this.handedOver.push(...events);
    this.wake();
  }

  /**
   * Sends the handed-over events, then marks the accepted ones delivered by event id (the rows' ids are not known
   * here). A refusal or failure postpones the rows in the table, where the poll retries them.
   */
  private async sendHandedOver(): Promise<void> {
    const events = this.handedOver.splice(0, this.opts.batchSize ?? 100);
    const spans = this.deliverySpans(events);
    try {
      const result = await this.opts.send(events).finally(() => spans.forEach((s) => endSpan(s)));
      const accepted = new Set(result.accepted);
      const delivered = events.filter((e) => accepted.has(e.eventId)).map((e) => e.eventId);
      await this.markDelivered(delivered);
      relayDelivered.inc({ service: this.service }, delivered.length);
      const refused = events.filter((e) => !accepted.has(e.eventId)).map((e) => e.eventId);
      if (refused.length > 0) await this.postponeFresh(refused, 'not accepted by the receiver');
    } catch (err) {
      await this.postponeFresh(
        events.map((e) => e.eventId),
        (err as Error).message,
      );
      this.opts.logger.warn({ err: (err as Error).message, count: events.length }, 'outbox delivery failed; will retry');
    }
  }

  /** One plain UPDATE by the unique event id (TypeORM's query builder would cost more than the statement). */
  private async markDelivered(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const { db } = this.opts;
    const { driver } = db;
    const metadata = db.getMetadata(OutboxMessage);
    const column = (name: string) => driver.escape(metadata.findColumnWithPropertyName(name)!.databaseName);
    const now = driver.preparePersistentValue(new Date(), metadata.findColumnWithPropertyName('deliveredAt')!);
    await db.query(
      `UPDATE ${driver.escape(metadata.tableName)} SET ${column('deliveredAt')} = ?, ${column('lastError')} = NULL WHERE ${column('eventId')} IN (${eventIds.map(() => '?').join(', ')})`,
      [now, ...eventIds],
    );
  }

  /** Rows on their first attempt: all get the first backoff. */
  private async postponeFresh(eventIds: string[], error: string): Promise<void> {
    await this.opts.db
      .getRepository(OutboxMessage)
      .update({ eventId: In(eventIds) }, { attempts: 1, nextAttemptAt: new Date(Date.now() + FIRST_BACKOFF_MS), lastError: error.slice(0, 500) })
      .catch((err) => this.opts.logger.error({ err }, 'outbox relay could not postpone; the poll retries'));
    relayRetries.inc({ service: this.service }, eventIds.length);
  }

  /** Delivers everything due now; returns how many messages were delivered. */
  async drain(): Promise<number> {
    const { db, batchSize = 100 } = this.opts;
    let delivered = 0;
    for (;;) {
      const due = await db.getRepository(OutboxMessage).find({
        where: { deliveredAt: IsNull(), nextAttemptAt: LessThanOrEqual(new Date()) },
        order: { id: 'ASC' },
        take: batchSize,
      });
      if (due.length === 0) return delivered;
      const events = due.map((m) => JSON.parse(m.payload) as ServiceEvent);
      const spans = this.deliverySpans(events);
      try {
        const result = await this.opts.send(events).finally(() => spans.forEach((s) => endSpan(s)));
        const accepted = due.filter((m) => result.accepted.includes(m.eventId));
        if (accepted.length > 0) {
          await db
            .getRepository(OutboxMessage)
            .update({ id: In(accepted.map((m) => m.id)) }, { deliveredAt: new Date(), lastError: null });
        }
        delivered += accepted.length;
        this.forgetHandedOver(accepted);
        relayDelivered.inc({ service: this.service }, accepted.length);
        const refused = due.filter((m) => !result.accepted.includes(m.eventId));
        if (refused.length > 0) await this.postpone(refused, 'not accepted by the receiver');
        if (accepted.length === 0) return delivered;
      } catch (err) {
        await this.postpone(due, (err as Error).message);
        this.opts.logger.warn({ err: (err as Error).message, count: due.length }, 'outbox delivery failed; will retry');
        return delivered;
      }
    }
  }

  /** A poll may deliver events that were also handed over (committed meanwhile): they need not go twice. */
  private forgetHandedOver(delivered: OutboxMessage[]): void {
    if (this.handedOver.length === 0 || delivered.length === 0) return;
    const ids = new Set(delivered.map((m) => m.eventId));
    this.handedOver = this.handedOver.filter((e) => !ids.has(e.eventId));
  }

  /**
   * Traced: one span per event, child of the trace the event was queued in; the event then carries the span's own
   * traceparent, so the receiver's handling is its child.
   */
  private deliverySpans(events: ServiceEvent[]) {
    if (!tracingEnabled()) return [];
    return events.flatMap((event) => {
      if (!event.traceparent) return [];
      const span = startSpan(`outbox relay ${event.type}`, {
        parent: contextFrom(event),
        kind: SpanKind.PRODUCER,
        attributes: { 'shagym.service': this.service, 'messaging.message.id': event.eventId },
      });
      if (!span) return [];
      Object.assign(event, traceHeaders(trace.setSpan(contextFrom(event), span)));
      return [span];
    });
  }

  private async postpone(messages: OutboxMessage[], error: string): Promise<void> {
    const maxBackoff = this.opts.maxBackoffMs ?? 30_000;
    for (const m of messages) {
      const backoff = Math.min(maxBackoff, FIRST_BACKOFF_MS * 2 ** Math.min(m.attempts, 10));
      await this.opts.db
        .getRepository(OutboxMessage)
        .update(
          { id: m.id },
          { attempts: m.attempts + 1, nextAttemptAt: new Date(Date.now() + backoff), lastError: error.slice(0, 500) },
        );
    }
    relayRetries.inc({ service: this.service }, messages.length);
  }

  /** Reads the table soon, and again every `pollMs`. */
  private poll(): void {
    this.pollDue = true;
    this.wake();
  }

  private wake(): void {
    if (this.stopped || this.running || this.timer) return;
    // Off any request's trace: a wake comes from a request, but a run carries many requests' events (each event
    // brings its own trace context, see deliverySpans). A timer, so the commits of one turn go in one batch.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      context.with(ROOT_CONTEXT, () => this.run());
    }, this.opts.lingerMs ?? 0);
    this.timer.unref();
  }

  private run(): void {
    if (this.stopped || this.running) return;
    this.running = (async () => {
      while (!this.stopped && (this.handedOver.length > 0 || this.pollDue)) {
        if (this.handedOver.length > 0) {
          await this.sendHandedOver();
          // A linger holds under load too: what came in during that send waits for more, unless it fills a batch.
          if (this.opts.lingerMs && this.handedOver.length < (this.opts.batchSize ?? 100)) break;
        } else {
          this.pollDue = false;
          try {
            await this.drain();
          } finally {
            clearTimeout(this.pollTimer);
            this.pollTimer = setTimeout(() => this.poll(), this.opts.pollMs ?? 1000);
            this.pollTimer.unref();
          }
        }
      }
    })()
      .catch((err) => this.opts.logger.error({ err }, 'outbox relay failed'))
      .finally(() => {
        this.running = undefined;
        if (this.handedOver.length > 0 || this.pollDue) this.wake();
      });
  }
}

const FIRST_BACKOFF_MS = 200;
const MAX_HANDED_OVER = 10_000;

/** SQLite hands a raw DATETIME back as text without a zone; TypeORM wrote it in UTC. MySQL hands a Date. */
function utcDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
