import type { CalendarEntry, CalendarRules, IsoDate } from './calendar-data';
import { rejectInput } from '../../../platform/validation';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (negative before). */
type DayNumber = number;

function dayNumber(y: number, m: number, d: number): DayNumber {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function toIso(n: DayNumber): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function yearOf(n: DayNumber): number {
  return new Date(n * DAY_MS).getUTCFullYear();
}

/** The date `days` calendar days after `date` (plain arithmetic, no calendar rules). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return toIso(Date.parse(`${date}T00:00:00Z`) / DAY_MS + days);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A computed date and whether it rests on a year the calendar does not cover (its days off are not all known). */
export interface CheckedDate {
  date: IsoDate;
  provisional: boolean;
  /** The uncovered years the computation touched, ascending. */
  uncoveredYears: number[];
}

export interface CheckedCount {
  workingDays: number;
  provisional: boolean;
  uncoveredYears: number[];
}

/** Lower bound: the index of the first element ≥ `x` in ascending `a`. */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The working-day calendar: weekends, holidays valid for ranges of years, the move of a holiday that falls on a
 * weekend to the next working day (Labour Code Art. 85(1)), one-off and moveable holidays and transfer orders
 * (Art. 85(3)). Each year's working days are indexed once, so every computation costs O(years spanned), and every
 * input is checked against the supported years first: nothing loops on input.
 */
export class WorkingCalendar {
  private entries: CalendarEntry[] = [];
  private holidaysByYear = new Map<number, DayNumber[]>();
  private overrides = new Map<DayNumber, boolean>();
  private covered = new Set<number>();
  private lawCache = new Map<number, Set<DayNumber>>();
  private workingCache = new Map<number, Int32Array>();

  constructor(
    readonly rules: CalendarRules,
    entries: CalendarEntry[] = [],
  ) {
    this.install(entries);
  }

  /** Replaces the dated entries (active ones are used; withdrawn ones are ignored) and drops every index. */
  install(entries: CalendarEntry[]): void {
    const active = entries.filter((e) => !e.withdrawnAt);
    this.entries = active;
    this.holidaysByYear = new Map();
    this.overrides = new Map();
    this.lawCache = new Map();
    this.workingCache = new Map();
    const kurbanYears = new Set<number>();
    for (const e of active) {
      if (e.kind === 'HOLIDAY' && e.date) {
        const n = this.parse(e.date, 'date');
        const y = yearOf(n);
        this.holidaysByYear.set(y, [...(this.holidaysByYear.get(y) ?? []), n]);
        if (e.holidayKind === 'KURBAN_AIT') kurbanYears.add(y);
      }
    }
    for (const e of active) {
      if (e.kind === 'TRANSFER' && e.date && e.workingDay) {
        this.overrides.set(this.parse(e.date, 'date'), true);
        this.overrides.set(this.parse(e.workingDay, 'workingDay'), false);
      }
    }
    // A year is covered when declared so and its moveable holiday is entered.
    this.covered = new Set(active.filter((e) => e.kind === 'COVERAGE' && kurbanYears.has(e.year)).map((e) => e.year));
  }

  /** The active entries this calendar was built from. */
  activeEntries(): CalendarEntry[] {
    return this.entries;
  }

  coveredYears(): number[] {
    return [...this.covered].sort((a, b) => a - b);
  }

  isCovered(year: number): boolean {
    return this.covered.has(year);
  }

  /** The uncovered years in [fromYear, toYear]. */
  uncoveredYearsBetween(a: IsoDate, b: IsoDate): number[] {
    const ya = Number(a.slice(0, 4));
    const yb = Number(b.slice(0, 4));
    const out: number[] = [];
    for (let y = Math.min(ya, yb); y <= Math.max(ya, yb); y++) if (!this.covered.has(y)) out.push(y);
    return out;
  }

  /** Whether a term computed from `a` to `b` (either order) rests on a year the calendar does not cover. */
  isProvisional(a: IsoDate, b: IsoDate): boolean {
    return this.uncoveredYearsBetween(a, b).length > 0;
  }

  /** A valid `YYYY-MM-DD` within the supported years, else BAD_USER_INPUT naming `field`. */
  parse(date: IsoDate, field: string): DayNumber {
    const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
    if (!m) rejectInput(field, `${field} must be a date YYYY-MM-DD`);
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const n = dayNumber(y, mo, d);
    if (toIso(n) !== date) rejectInput(field, `${field} is not a calendar date: ${date}`);
    this.checkYear(y, field);
    return n;
  }

  private checkYear(year: number, field: string): void {
    const { from, to } = this.rules.supportedYears;
    if (year < from || year > to) {
      rejectInput(field, `${field} must lie within the years ${from}–${to} the calendar supports`);
    }
  }

  private checkDays(days: number, field: string): void {
    if (!Number.isSafeInteger(days) || Math.abs(days) > this.rules.maxDays) {
      rejectInput(field, `${field} must be a whole number within ±${this.rules.maxDays}`);
    }
  }

  private isWeekend(n: DayNumber): boolean {
    // 1970-01-01 was a Thursday (4).
    return this.rules.weekendDays.includes((((n + 4) % 7) + 7) % 7);
  }

  /** Days off of a year by law: holidays and the moves of Art. 85(1) (which can reach into early next year). */
  private daysOffByLaw(year: number): Set<DayNumber> {
    const cached = this.lawCache.get(year);
    if (cached) return cached;
    const holidays: { n: DayNumber; transferable: boolean }[] = [];
    for (const h of this.rules.fixedHolidays) {
      if ((h.fromYear !== undefined && year < h.fromYear) || (h.toYear !== undefined && year > h.toYear)) continue;
      const [m, d] = h.monthDay.split('-').map(Number);
      holidays.push({ n: dayNumber(year, m, d), transferable: h.transferable });
    }
    for (const n of this.holidaysByYear.get(year) ?? []) holidays.push({ n, transferable: false });
    holidays.sort((a, b) => a.n - b.n);
    const off = new Set(holidays.map((h) => h.n));
    for (const h of holidays) {
      if (!h.transferable || !this.isWeekend(h.n)) continue;
      // Bounded: at most as many steps as the year has holidays plus a weekend.
      let next = h.n + 1;
      while (this.isWeekend(next) || off.has(next)) next++;
      off.add(next);
    }
    this.lawCache.set(year, off);
    return off;
  }

  private isWorking(n: DayNumber): boolean {
    const override = this.overrides.get(n);
    if (override !== undefined) return !override;
    if (this.isWeekend(n)) return false;
    const y = yearOf(n);
    return !this.daysOffByLaw(y).has(n) && !this.daysOffByLaw(y - 1).has(n);
  }

  /** The year's working days, ascending (computed once per year). */
  private workingDaysOf(year: number): Int32Array {
    let days = this.workingCache.get(year);
    if (days) return days;
    const first = dayNumber(year, 1, 1);
    const end = dayNumber(year + 1, 1, 1);
    const list: number[] = [];
    for (let n = first; n < end; n++) if (this.isWorking(n)) list.push(n);
    days = Int32Array.from(list);
    this.workingCache.set(year, days);
    return days;
  }

  private checked(from: IsoDate, to: IsoDate): CheckedDate {
    const uncoveredYears = this.uncoveredYearsBetween(from, to);
    return { date: to, provisional: uncoveredYears.length > 0, uncoveredYears };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(this.parse(date, 'date'));
  }

  /** `date` itself when it is a working day, else the next working day (APPC Art. 63(2)). */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.workingDayOnOrAfterChecked(date).date;
  }

  workingDayOnOrAfterChecked(date: IsoDate): CheckedDate {
    const n = this.parse(date, 'date');
    for (let y = yearOf(n); ; y++) {
      this.checkYear(y, 'date');
      const days = this.workingDaysOf(y);
      const i = lowerBound(days, n);
      if (i < days.length) return this.checked(date, toIso(days[i]));
    }
  }

  /**
   * The date `days` working days after `from` (`from` itself not counted; negative counts back).
   * `addWorkingDays(d, 0)` is `d`.
   */
  addWorkingDays(from: IsoDate, days: number): IsoDate {
    return this.addWorkingDaysChecked(from, days).date;
  }

  addWorkingDaysChecked(from: IsoDate, days: number): CheckedDate {
    const n = this.parse(from, 'from');
    this.checkDays(days, 'days');
    if (days === 0) return this.checked(from, from);
    let y = yearOf(n);
    let list = this.workingDaysOf(y);
    if (days > 0) {
      // 0-based index, in this year's list, of the answer: the working days ≤ from, plus days − 1.
      let i = lowerBound(list, n + 1) + days - 1;
      while (i >= list.length) {
        i -= list.length;
        y++;
        if (y > this.rules.supportedYears.to) rejectInput('days', 'the result lies past the supported years');
        list = this.workingDaysOf(y);
      }
      return this.checked(from, toIso(list[i]));
    }
    let i = lowerBound(list, n) + days; // working days < from, minus |days|
    while (i < 0) {
      y--;
      if (y < this.rules.supportedYears.from) rejectInput('days', 'the result lies before the supported years');
      list = this.workingDaysOf(y);
      i += list.length;
    }
    return this.checked(from, toIso(list[i]));
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    return this.workingDaysBetweenChecked(from, to).workingDays;
  }

  workingDaysBetweenChecked(from: IsoDate, to: IsoDate): CheckedCount {
    const a = this.parse(from, 'from');
    const b = this.parse(to, 'to');
    if (b <= a) return { workingDays: 0, provisional: false, uncoveredYears: [] };
    const ya = yearOf(a);
    const yb = yearOf(b);
    // Working days ≤ b counted from the start of year ya, minus those ≤ a.
    let count = 0;
    for (let y = ya; y < yb; y++) count += this.workingDaysOf(y).length;
    count += lowerBound(this.workingDaysOf(yb), b + 1) - lowerBound(this.workingDaysOf(ya), a + 1);
    const uncoveredYears = this.uncoveredYearsBetween(from, to);
    return { workingDays: count, provisional: uncoveredYears.length > 0, uncoveredYears };
  }

  /** Every day off of `year` that falls on a weekday, and every weekend day that is working (for checks and tests). */
  exceptions(year: number): { weekdaysOff: IsoDate[]; weekendsWorking: IsoDate[] } {
    this.checkYear(year, 'year');
    const weekdaysOff: IsoDate[] = [];
    const weekendsWorking: IsoDate[] = [];
    for (let n = dayNumber(year, 1, 1); n < dayNumber(year + 1, 1, 1); n++) {
      const working = this.isWorking(n);
      if (this.isWeekend(n) && working) weekendsWorking.push(toIso(n));
      if (!this.isWeekend(n) && !working) weekdaysOff.push(toIso(n));
    }
    return { weekdaysOff, weekendsWorking };
  }

  /** Whether `date` is a public holiday (fixed or dated), before any transfer. */
  isHoliday(date: IsoDate): boolean {
    const n = this.parse(date, 'date');
    const y = yearOf(n);
    if ((this.holidaysByYear.get(y) ?? []).includes(n)) return true;
    return this.rules.fixedHolidays.some(
      (h) =>
        h.monthDay === date.slice(5) &&
        (h.fromYear === undefined || y >= h.fromYear) &&
        (h.toYear === undefined || y <= h.toYear),
    );
  }

  /** The active transfer whose day off or working day is `date`, if any. */
  transferOn(date: IsoDate): CalendarEntry | undefined {
    return this.entries.find((e) => e.kind === 'TRANSFER' && (e.date === date || e.workingDay === date));
  }
}
