import type { DataSource, EntityManager } from 'typeorm';
import type { PubSub } from '../../../platform/pubsub';
import { kzCalendar } from '../working-calendar';
import { CALENDAR_RULES, SEED_ENTRIES, type CalendarEntry, type EntryKind, type HolidayKind } from './calendar-data';
import { CalendarEntryRecord } from './calendar-entry.entity';
import { WorkingCalendar } from './working-calendar';

/** Status instances announce a committed calendar change here; every instance (the writer too) reloads. */
export const CALENDAR_CHANGED_CHANNEL = 'status.calendar-changed';

export interface CalendarChanged {
  from: string;
}

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

/**
 * One status instance's calendar: the seed plus its database's entries, reloaded whenever any instance announces
 * a change (over Redis when configured). Each reload also reinstalls the process-wide `kzCalendar`.
 */
export class CalendarStore {
  private current = new WorkingCalendar(CALENDAR_RULES, SEED_ENTRIES);
  private all: CalendarEntry[] = SEED_ENTRIES;
  private reloading: Promise<void> = Promise.resolve();
  private unsubscribe: (() => Promise<void>) | null = null;
  /** Reloads done, for tests and logs. */
  reloads = 0;

  constructor(
    private readonly db: DataSource,
    private readonly pubsub: PubSub,
    private readonly instanceId: string,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  get calendar(): WorkingCalendar {
    return this.current;
  }

  /** Every entry, withdrawn ones included (for the audit view). */
  entries(): CalendarEntry[] {
    return this.all;
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.pubsub.subscribe(CALENDAR_CHANGED_CHANNEL, () => {
      this.reload().catch(this.onError);
    });
    await this.reload();
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    await this.reloading.catch(() => undefined);
  }

  /** Reads the entries again; reloads run one after another, so the last one read wins. */
  reload(): Promise<void> {
    const next = this.reloading.catch(() => undefined).then(async () => {
      const entries = await readEntries(this.db.manager);
      this.current = new WorkingCalendar(CALENDAR_RULES, entries);
      this.all = entries;
      kzCalendar.install(entries);
      this.reloads++;
    });
    this.reloading = next;
    return next;
  }

  /** After a committed change: effective here at once, then announced to every other instance. */
  async changed(): Promise<void> {
    await this.reload();
    const message: CalendarChanged = { from: this.instanceId };
    await this.pubsub.publish(CALENDAR_CHANGED_CHANNEL, message).catch(this.onError);
  }
}
