import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { ServiceEvent } from '../../contracts/events';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Hands events to the relay in memory once their rows are committed, so the relay need not read back what this
 * process has just written. Only a convenience: the rows are the record, and whatever misses the handover (no relay
 * started, a crash, a savepoint rolled back) is found by the relay's poll.
 */
type Receiver = (events: ServiceEvent[]) => void;

const receivers = new WeakMap<DataSource, Receiver>();
/** Events written in a transaction not yet committed, by the connection that runs it. */
const uncommitted = new WeakMap<QueryRunner, ServiceEvent[]>();
const watched = new WeakSet<DataSource>();

const commitWatcher: EntitySubscriberInterface = {
  // Keeps TypeORM from offering this subscriber every other entity's insert and load.
  listenTo: () => OutboxMessage,
  afterTransactionCommit({ queryRunner }) {
    if (queryRunner.isTransactionActive) return; // a savepoint released; the transaction goes on
    const events = uncommitted.get(queryRunner);
    if (!events) return;
    uncommitted.delete(queryRunner);
    receivers.get(queryRunner.connection)?.(events);
  },
  afterTransactionRollback({ queryRunner }) {
    // Even a savepoint's rollback: which of the events it undid is unknown, so all wait for the poll.
    uncommitted.delete(queryRunner);
  },
};

/** Sends `db`'s committed events to `receive` until the returned function is called. */
export function receiveCommitted(db: DataSource, receive: Receiver): () => void {
  if (!watched.has(db)) {
    watched.add(db);
    db.subscribers.push(commitWatcher);
  }
  receivers.set(db, receive);
  return () => {
    if (receivers.get(db) === receive) receivers.delete(db);
  };
}

/** Called once the events' rows are written through `em`: they go now (no transaction) or when it commits. */
export function handOverWhenCommitted(em: EntityManager, events: ServiceEvent[]): void {
  if (!receivers.has(em.connection)) return;
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) return receivers.get(em.connection)!(events);
  const waiting = uncommitted.get(runner);
  if (waiting) waiting.push(...events);
  else uncommitted.set(runner, [...events]);
}
