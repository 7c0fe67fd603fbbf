import type { DataSource } from 'typeorm';
import type { PubSub } from '../../../platform/pubsub';
import { kzCalendar } from './kz-calendar';
import { CALENDAR_RULES, SEED_ENTRIES, type CalendarEntry } from './calendar-data';
import { readEntries } from './calendar-entry.repository';
import { WorkingCalendar } from './working-calendar';

/** Status instances announce a committed calendar change here; every instance (the writer too) reloads. */
export const CALENDAR_CHANGED_CHANNEL = 'status.calendar-changed';

export interface CalendarChanged {
  from: string;
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
