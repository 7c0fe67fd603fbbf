import seedJson from '../data/kz-working-calendar.json';

/** A calendar date, `YYYY-MM-DD`, read in Kazakhstan. */
export type IsoDate = string;

export type HolidayKind = 'KURBAN_AIT' | 'ONE_OFF';
export type EntryKind = 'HOLIDAY' | 'TRANSFER' | 'COVERAGE';
export type EntryOrigin = 'SEED' | 'ADMIN';

/** A holiday on the same day every year it is valid in (Law "On Holidays in the Republic of Kazakhstan"). */
export interface FixedHoliday {
  monthDay: string;
  name: string;
  /** False for the days off that never move (7 January; Labour Code Art. 85(1)). */
  transferable: boolean;
  fromYear?: number;
  toYear?: number;
}

/**
 * One dated fact of the calendar, from the seed file or recorded by an administrator:
 * - HOLIDAY: a day off on `date` that never moves (the first day of Kurban Ait, or a one-off holiday);
 * - TRANSFER: an order under Labour Code Art. 85(3): `date` becomes a day off, `workingDay` a working day;
 * - COVERAGE: `year` is complete (its Kurban Ait and every transfer order are entered).
 */
export interface CalendarEntry {
  id: string;
  origin: EntryOrigin;
  kind: EntryKind;
  year: number;
  date: IsoDate | null;
  workingDay: IsoDate | null;
  holidayKind: HolidayKind | null;
  name: string | null;
  source: string;
  recordedBy: string | null;
  recordedAt: Date | null;
  withdrawnBy: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
}

/** The fixed part of the calendar: read from the data file, changed only by a deploy. */
export interface CalendarRules {
  weekendDays: number[];
  supportedYears: { from: number; to: number };
  maxDays: number;
  fixedHolidays: FixedHoliday[];
}

interface SeedFile extends CalendarRules {
  holidays: { date: IsoDate; kind: HolidayKind; name: string; source: string }[];
  transfers: { dayOff: IsoDate; workingDay: IsoDate; source: string }[];
  coverage: { year: number; source: string }[];
}

const seed = seedJson as unknown as SeedFile;

export const CALENDAR_RULES: CalendarRules = {
  weekendDays: seed.weekendDays,
  supportedYears: { from: seed.supportedYears.from, to: seed.supportedYears.to },
  maxDays: seed.maxDays,
  fixedHolidays: seed.fixedHolidays,
};

const blank = { recordedBy: null, recordedAt: null, withdrawnBy: null, withdrawnAt: null, withdrawReason: null };

/** The dated entries of the data file, with stable ids an administrator can withdraw by. */
export const SEED_ENTRIES: CalendarEntry[] = [
  ...seed.holidays.map((h) => ({
    ...blank,
    id: `seed:holiday:${h.date}`,
    origin: 'SEED' as const,
    kind: 'HOLIDAY' as const,
    year: Number(h.date.slice(0, 4)),
    date: h.date,
    workingDay: null,
    holidayKind: h.kind,
    name: h.name,
    source: h.source,
  })),
  ...seed.transfers.map((t) => ({
    ...blank,
    id: `seed:transfer:${t.dayOff}`,
    origin: 'SEED' as const,
    kind: 'TRANSFER' as const,
    year: Number(t.dayOff.slice(0, 4)),
    date: t.dayOff,
    workingDay: t.workingDay,
    holidayKind: null,
    name: null,
    source: t.source,
  })),
  ...seed.coverage.map((c) => ({
    ...blank,
    id: `seed:coverage:${c.year}`,
    origin: 'SEED' as const,
    kind: 'COVERAGE' as const,
    year: c.year,
    date: null,
    workingDay: null,
    holidayKind: null,
    name: null,
    source: c.source,
  })),
];
