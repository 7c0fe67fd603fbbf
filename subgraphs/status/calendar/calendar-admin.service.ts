import type { DataSource, EntityManager } from 'typeorm';
import { rejectInput } from '../../../platform/validation';
import { requireRole, type AuthState } from '../../../platform/auth';
import { inTransaction } from '../../../platform/database';
import { Conflict, NotFound } from '../../../platform/errors';
import { required, requiredText } from '../../../platform/validation';
import { CALENDAR_RULES, SEED_ENTRIES, type CalendarEntry, type HolidayKind, type IsoDate } from './calendar-data';
import { insertEntry, readEntries, withdrawEntry } from './calendar-entry.repository';
import type { CalendarStore } from './calendar-store';
import { WorkingCalendar } from './working-calendar';

/** How many years past the last covered one an administrator may enter dates for. */
export const YEARS_AHEAD_OF_COVERAGE = 2;

const SEED_COVERED_YEARS = SEED_ENTRIES.filter((e) => e.kind === 'COVERAGE')
  .map((e) => e.year)
  .sort((a, b) => a - b);

export interface HolidayInput {
  date: IsoDate;
  kind: HolidayKind;
  name: string;
  source: string;
  /** Declares the holiday's year complete: its moveable holiday and every transfer order are entered. */
  coversYear?: boolean | null;
}

export interface TransferInput {
  dayOff: IsoDate;
  workingDay: IsoDate;
  source: string;
}

/** A name, source or reason of an entry: cleaned text with something visible (platform/validation). */
function text(value: string | null | undefined, field: string, max: number): string {
  return required(field, requiredText(value ?? '', field, max));
}

/**
 * The administrator's maintenance of the working-day calendar (domain: the administrator maintains it).
 * Each change is validated against the calendar as it stands in the same transaction, written with its author,
 * time and source, then made effective on every status instance.
 */
export class CalendarAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly store: CalendarStore,
    private readonly auth: AuthState,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private admin(): string {
    return requireRole(this.auth, 'admin').sub;
  }

  /** Every entry, withdrawn ones included, with its audit trail. */
  entries(includeWithdrawn: boolean): CalendarEntry[] {
    this.admin();
    return this.store.entries().filter((e) => includeWithdrawn || !e.withdrawnAt);
  }

  /** The years an administrator may enter dates for: the covered ones and a few after them. */
  private editableYears(cal: WorkingCalendar): { from: number; to: number } {
    // With every coverage withdrawn, the data file's covered years still bound what may be entered.
    const covered = cal.coveredYears().length > 0 ? cal.coveredYears() : SEED_COVERED_YEARS;
    return { from: covered[0], to: covered[covered.length - 1] + YEARS_AHEAD_OF_COVERAGE };
  }

  private checkDate(cal: WorkingCalendar, date: IsoDate, field: string): number {
    cal.parse(date, field);
    const year = Number(date.slice(0, 4));
    const { from, to } = this.editableYears(cal);
    if (year < from || year > to) {
      rejectInput(field, `${field} must lie within ${from}–${to} (the covered years and ${YEARS_AHEAD_OF_COVERAGE} after them)`);
    }
    return year;
  }

  /**
   * Runs `change` on the calendar as committed now, in one transaction (the entries read for update: concurrent
   * changes are validated one after the other; a deadlock between them is retried), then reloads every instance.
   */
  private async write<T>(change: (em: EntityManager, cal: WorkingCalendar, by: string, at: Date) => Promise<T>): Promise<T> {
    const by = this.admin();
    const result = await inTransaction(this.db, async (em) => {
      const cal = new WorkingCalendar(CALENDAR_RULES, await readEntries(em, true));
      return change(em, cal, by, this.now());
    });
    await this.store.changed();
    return result;
  }

  private findIn(id: string): CalendarEntry | undefined {
    return this.store.entries().find((e) => e.id === id);
  }

  recordHoliday(input: HolidayInput): Promise<CalendarEntry> {
    return this.write(async (em, cal, by, at) => {
      const name = text(input.name, 'input.name', 200);
      const source = text(input.source, 'input.source', 500);
      const year = this.checkDate(cal, input.date, 'input.date');
      const transfer = cal.transferOn(input.date);
      if (transfer?.workingDay === input.date) {
        throw new Conflict(`${input.date} is a working day by transfer order ${transfer.id}; withdraw it first`, { field: 'input.date', entryId: transfer.id });
      }
      if (transfer || cal.isHoliday(input.date)) {
        throw new Conflict(`${input.date} is already a day off by holiday or transfer order`, { field: 'input.date' });
      }
      if (input.kind === 'KURBAN_AIT') {
        const existing = cal.activeEntries().find((e) => e.holidayKind === 'KURBAN_AIT' && e.year === year);
        if (existing) {
          throw new Conflict(`Kurban Ait ${year} is already recorded as ${existing.date} (entry ${existing.id}); withdraw it first`, {
            field: 'input.date',
            entryId: existing.id,
          });
        }
      }
      if (input.coversYear && !cal.isCovered(year)) {
        const hasKurbanAit = input.kind === 'KURBAN_AIT' || cal.activeEntries().some((e) => e.holidayKind === 'KURBAN_AIT' && e.year === year);
        if (!hasKurbanAit) rejectInput('input.coversYear', `${year} cannot be covered before its Kurban Ait is recorded`);
        const covered = cal.coveredYears();
        const last = covered[covered.length - 1];
        if (last !== undefined && year > last + 1) {
          rejectInput('input.coversYear', `cover ${last + 1} first: covered years stay contiguous`);
        }
      }
      const id = await insertEntry(em, { kind: 'HOLIDAY', year, date: input.date, holidayKind: input.kind, name, source }, by, at);
      if (input.coversYear && !cal.isCovered(year)) await insertEntry(em, { kind: 'COVERAGE', year, source }, by, at);
      return id;
    }).then((id) => this.findIn(id)!);
  }

  recordTransfer(input: TransferInput): Promise<CalendarEntry> {
    return this.write(async (em, cal, by, at) => {
      const source = text(input.source, 'input.source', 500);
      const year = this.checkDate(cal, input.dayOff, 'input.dayOff');
      this.checkDate(cal, input.workingDay, 'input.workingDay');
      if (input.dayOff === input.workingDay) rejectInput('input.workingDay', 'the new working day must differ from the new day off');
      if (!cal.isWorkingDay(input.dayOff)) throw new Conflict(`${input.dayOff} is already a day off`, { field: 'input.dayOff' });
      if (cal.isWorkingDay(input.workingDay)) throw new Conflict(`${input.workingDay} is already a working day`, { field: 'input.workingDay' });
      if (cal.isHoliday(input.workingDay) || cal.transferOn(input.workingDay)) {
        throw new Conflict(`${input.workingDay} is a holiday or part of another transfer order`, { field: 'input.workingDay' });
      }
      return insertEntry(em, { kind: 'TRANSFER', year, date: input.dayOff, workingDay: input.workingDay, source }, by, at);
    }).then((id) => this.findIn(id)!);
  }

  /** Withdraws a seed or administrator entry (a correction is a withdrawal and a new entry). */
  withdraw(id: string, reasonText: string): Promise<CalendarEntry> {
    return this.write(async (em, _cal, by, at) => {
      const reason = text(reasonText, 'reason', 500);
      const entry = (await readEntries(em)).find((e) => e.id === id);
      if (!entry) throw new NotFound('CalendarEntry', id);
      if (entry.withdrawnAt) throw new Conflict(`Calendar entry ${id} is already withdrawn`, { field: 'id' });
      await withdrawEntry(em, entry, by, at, reason);
      return id;
    }).then((id) => this.findIn(id)!);
  }
}
