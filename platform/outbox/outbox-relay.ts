import { IsNull, LessThanOrEqual, type DataSource, In } from 'typeorm';
import type { Logger } from '../logger';
import type { EventBatchResult, ServiceEvent } from '../../contracts/events';
import { addSource, outboxAgeGauges, outboxBacklogGauges, relayDelivered, relayRetries } from '../metrics';
import { contextFrom, endSpan, SpanKind, startSpan, traceHeaders, tracingEnabled } from '../tracing';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { OutboxMessage } from './outbox-message.entity';

export { enqueue } from './enqueue';

export interface OutboxRelayOptions {
  db: DataSource;
  logger: Logger;
  /** Delivers a batch; resolves with the ids the receiver applied. */
  send: (events: ServiceEvent[]) => Promise<EventBatchResult>;
  pollMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
}

/**
 * At-least-once delivery of the outbox: polls, and runs at once when `kick()`ed after a commit.
 * A crash before delivery leaves the rows for the next start; the receiver ignores repeats.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private readonly service: string;
  private removeGauges?: () => void;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.service = String((opts.logger.bindings?.() as { service?: string } | undefined)?.service ?? 'unknown');
  }

  start(): void {
    this.stopped = false;
    this.removeGauges ??= this.watchBacklog();
    this.schedule(0);
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

  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.removeGauges?.();
    this.removeGauges = undefined;
    clearTimeout(this.timer);
    await this.running;
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
      const backoff = Math.min(maxBackoff, 200 * 2 ** Math.min(m.attempts, 10));
      await this.opts.db
        .getRepository(OutboxMessage)
        .update(
          { id: m.id },
          { attempts: m.attempts + 1, nextAttemptAt: new Date(Date.now() + backoff), lastError: error.slice(0, 500) },
        );
    }
    relayRetries.inc({ service: this.service }, messages.length);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    // Off any request's trace: a kick comes from a request, but a drain carries many requests' events (each event
    // brings its own trace context, see deliverySpans).
    this.timer = setTimeout(() => context.with(ROOT_CONTEXT, () => this.tick()), delay);
    this.timer.unref();
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain()
      .then(() => undefined)
      .catch((err) => this.opts.logger.error({ err }, 'outbox relay failed'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else this.schedule(this.opts.pollMs ?? 1000);
      });
  }
}

/** SQLite hands a raw DATETIME back as text without a zone; TypeORM wrote it in UTC. MySQL hands a Date. */
function utcDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
