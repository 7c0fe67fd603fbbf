import type { ComplaintStatusChangedEvent } from '../../../contracts/events';

/** Events per statement: well under SQLite's 32,766 parameters (13 each). */
const CHUNK = 200;

/**
 * Status's copies as UPDATE statements, one per round: round k holds each complaint's k-th event in the order sent,
 * so applying the rounds in order is applying the events one by one, in a statement per round (usually one) rather
 * than one per event. Each row takes its event's values only when the event is newer than the row (`statusVersion`);
 * `overdueFrom` only from events that carry it. `statusVersion` is set last: MySQL evaluates SET left to right.
 */
export function statusCopyUpdates(events: readonly ComplaintStatusChangedEvent[]): { sql: string; parameters: unknown[] }[] {
  const statements: { sql: string; parameters: unknown[] }[] = [];
  for (const round of rounds(events)) {
    for (let i = 0; i < round.length; i += CHUNK) statements.push(updateOf(round.slice(i, i + CHUNK)));
  }
  return statements;
}

function rounds(events: readonly ComplaintStatusChangedEvent[]): ComplaintStatusChangedEvent[][] {
  const seen = new Map<string, number>();
  const out: ComplaintStatusChangedEvent[][] = [];
  for (const e of events) {
    const k = seen.get(e.complaintId) ?? 0;
    seen.set(e.complaintId, k + 1);
    (out[k] ??= []).push(e);
  }
  return out;
}

function updateOf(events: ComplaintStatusChangedEvent[]): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const byId = (list: ComplaintStatusChangedEvent[], value: (e: ComplaintStatusChangedEvent) => unknown, otherwise = '') => {
    for (const e of list) parameters.push(e.complaintId, value(e));
    return `CASE id${' WHEN ? THEN ?'.repeat(list.length)}${otherwise} END`;
  };
  const withOverdue = events.filter((e) => e.overdueFrom !== undefined);
  const sets = [
    `status = ${byId(events, (e) => e.status)}`,
    `reviewDueOn = ${byId(events, (e) => e.reviewDueOn)}`,
    `closedOn = ${byId(events, (e) => e.closedOn)}`,
    ...(withOverdue.length > 0 ? [`overdueFrom = ${byId(withOverdue, (e) => e.overdueFrom, ' ELSE overdueFrom')}`] : []),
    `statusVersion = ${byId(events, (e) => e.version)}`,
  ];
  for (const e of events) parameters.push(e.complaintId);
  const ids = `(${new Array(events.length).fill('?').join(', ')})`;
  const newer = byId(events, (e) => e.version);
  return { sql: `UPDATE complaint SET ${sets.join(', ')} WHERE id IN ${ids} AND statusVersion < ${newer}`, parameters };
}
