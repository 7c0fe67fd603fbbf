import calendarData from './data/kz-working-calendar.json';

/** A calendar date, `YYYY-MM-DD`, read in Kazakhstan. */
export type IsoDate = string;

export interface CalendarData {
  weekendDays: number[];
  fixedHolidays: { monthDay: string; transferable: boolean }[];
  movableHolidays: { kurbanAit: Record<string, IsoDate> };
  overrides: { date: IsoDate; dayOff: boolean }[];
}

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function shiftDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The working-day calendar built from data: weekends, holidays, the transfer of a holiday that falls on a
 * weekend to the next working day (except non-transferable ones), and the Government's explicit overrides.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, Set<IsoDate>>();
  private readonly overrides: Map<IsoDate, boolean>;

  constructor(private readonly data: CalendarData) {
    this.overrides = new Map(data.overrides.map((o) => [o.date, o.dayOff]));
  }

  private isWeekend(date: IsoDate): boolean {
    return this.data.weekendDays.includes(new Date(toUtc(date)).getUTCDay());
  }

  /** Days off of a year by law (before the Government's overrides). */
  private daysOffByLaw(year: number): Set<IsoDate> {
    let off = this.years.get(year);
    if (off) return off;
    const holidays = this.data.fixedHolidays.map((h) => ({ date: `${year}-${h.monthDay}`, transferable: h.transferable }));
    const kurbanAit = this.data.movableHolidays.kurbanAit[String(year)];
    if (kurbanAit) holidays.push({ date: kurbanAit, transferable: false });
    holidays.sort((a, b) => a.date.localeCompare(b.date));
    off = new Set(holidays.map((h) => h.date));
    for (const h of holidays) {
      if (!h.transferable || !this.isWeekend(h.date)) continue;
      let next = shiftDays(h.date, 1);
      while (this.isWeekend(next) || off.has(next)) next = shiftDays(next, 1);
      off.add(next);
    }
    this.years.set(year, off);
    return off;
  }

  isWorkingDay(date: IsoDate): boolean {
    const override = this.overrides.get(date);
    if (override !== undefined) return !override;
    if (this.isWeekend(date)) return false;
    const year = Number(date.slice(0, 4));
    // A 16 December or 25 October on a weekend moves into the next days, possibly the next year.
    return !this.daysOffByLaw(year).has(date) && !this.daysOffByLaw(year - 1).has(date);
  }

  /** `date` itself when it is a working day, else the next working day (APPC Art. 63(2)). */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = shiftDays(d, 1);
    return d;
  }

  /**
   * The date `days` working days after `from` (`from` itself not counted; negative counts back).
   * `addWorkingDays(d, 0)` is `d`.
   */
  addWorkingDays(from: IsoDate, days: number): IsoDate {
    const step = days < 0 ? -1 : 1;
    let d = from;
    for (let left = Math.abs(days); left > 0; ) {
      d = shiftDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let n = 0;
    for (let d = shiftDays(from, 1); d <= to; d = shiftDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}

export const kzCalendar = new WorkingCalendar(calendarData as CalendarData);
