import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SEED_ENTRIES, type CalendarEntry, type EntryKind, type HolidayKind } from './calendar-data';
import { CalendarEntryRecord } from './calendar-entry.entity';

/** The seed with the administrator's rows laid over it: withdrawn seed entries marked, admin entries added. */
export function mergeEntries(rows: CalendarEntryRecord[]): CalendarEntry[] {
  const withdrawals = new Map(rows.filter((r) => r.kind === 'WITHDRAWAL').map((r) => [r.targetId, r]));
  const seed = SEED_ENTRIES.map((e) => {
    const w = withdrawals.get(e.id);
    return w ? { ...e, withdrawnBy: w.recordedBy, withdrawnAt: w.recordedAt, withdrawReason: w.withdrawReason } : e;
  });
  const admin = rows
    .filter((r) => r.kind !== 'WITHDRAWAL')
    .map(
      (r): CalendarEntry => ({
        id: r.id,
        origin: 'ADMIN',
        kind: r.kind as EntryKind,
        year: r.year,
        date: r.date,
        workingDay: r.workingDay,
        holidayKind: r.holidayKind as HolidayKind | null,
        name: r.name,
        source: r.source,
        recordedBy: r.recordedBy,
        recordedAt: r.recordedAt,
        withdrawnBy: r.withdrawnBy,
        withdrawnAt: r.withdrawnAt,
        withdrawReason: r.withdrawReason,
      }),
    );
  return [...seed, ...admin];
}

/**
 * The entries as committed. `forUpdate` (inside a write's transaction) locks the table's rows and gaps on
 * MySQL/MariaDB, so two administrators' changes are validated one after the other; SQLite has one writer anyway.
 */
export async function readEntries(em: EntityManager, forUpdate = false): Promise<CalendarEntry[]> {
  const lock = forUpdate && ['mysql', 'mariadb'].includes(em.connection.options.type) ? { mode: 'pessimistic_write' as const } : undefined;
  return mergeEntries(await em.getRepository(CalendarEntryRecord).find({ order: { recordedAt: 'ASC', id: 'ASC' }, lock }));
}

export interface NewEntry {
  kind: 'HOLIDAY' | 'TRANSFER' | 'COVERAGE';
  year: number;
  date?: string | null;
  workingDay?: string | null;
  holidayKind?: HolidayKind | null;
  name?: string | null;
  source: string;
}

/** Writes an administrator's entry; returns its id. */
export async function insertEntry(em: EntityManager, entry: NewEntry, by: string, at: Date): Promise<string> {
  const repo = em.getRepository(CalendarEntryRecord);
  const record = repo.create({
    id: randomUUID(),
    kind: entry.kind,
    year: entry.year,
    date: entry.date ?? null,
    workingDay: entry.workingDay ?? null,
    holidayKind: entry.holidayKind ?? null,
    name: entry.name ?? null,
    source: entry.source,
    targetId: null,
    recordedBy: by,
    recordedAt: at,
    withdrawnBy: null,
    withdrawnAt: null,
    withdrawReason: null,
  });
  await repo.insert(record);
  return record.id;
}

/** Withdraws an entry: an administrator's row is marked; a seed entry gets a WITHDRAWAL row naming it. */
export async function withdrawEntry(em: EntityManager, entry: CalendarEntry, by: string, at: Date, reason: string): Promise<void> {
  const repo = em.getRepository(CalendarEntryRecord);
  if (entry.origin === 'ADMIN') {
    await repo.update({ id: entry.id }, { withdrawnBy: by, withdrawnAt: at, withdrawReason: reason });
    return;
  }
  await repo.insert(
    repo.create({
      id: randomUUID(),
      kind: 'WITHDRAWAL',
      year: entry.year,
      date: entry.date,
      workingDay: entry.workingDay,
      holidayKind: null,
      name: null,
      source: entry.source.slice(0, 500),
      targetId: entry.id,
      recordedBy: by,
      recordedAt: at,
      withdrawnBy: null,
      withdrawnAt: null,
      withdrawReason: reason,
    }),
  );
}
