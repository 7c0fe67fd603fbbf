import type { EntityManager } from 'typeorm';
import type { ServiceEvent } from '../../contracts/events';
import { insertRows } from '../rows-insert';
import { handOverWhenCommitted } from './committed-handover';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Queues events in the caller's transaction, in one statement, in their order. Once it commits, the relay gets them
 * in memory (committed-handover); the rows stay the record it falls back on.
 */
export async function enqueue(em: EntityManager, ...events: ServiceEvent[]): Promise<void> {
  const now = new Date();
  await insertRows(
    em,
    OutboxMessage,
    events.map((event) => outboxRow(event, now)),
  );
  // Copies: tracing adds its headers to the event it sends, and the caller's objects are the caller's.
  handOverWhenCommitted(
    em,
    events.map((e) => ({ ...e })),
  );
}

/** The outbox row of one event, not yet sent. */
export function outboxRow(event: ServiceEvent, now: Date): Partial<OutboxMessage> {
  return {
    eventId: event.eventId,
    type: event.type,
    payload: JSON.stringify(event),
    createdAt: now,
    nextAttemptAt: now,
    attempts: 0,
    deliveredAt: null,
    lastError: null,
  };
}
