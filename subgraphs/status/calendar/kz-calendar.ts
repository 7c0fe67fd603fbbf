import { CALENDAR_RULES, SEED_ENTRIES } from './calendar-data';
import { WorkingCalendar } from './working-calendar';

export type { CalendarEntry, CalendarRules, IsoDate } from './calendar-data';
export { addMonths, shiftDays, WorkingCalendar, type CheckedCount, type CheckedDate } from './working-calendar';

/**
 * The process's Kazakhstan calendar: the data file's seed until status has loaded its database entries, then the
 * seed with the administrator's entries (reinstalled at every change; see `calendar/calendar-store.ts`).
 */
export const kzCalendar = new WorkingCalendar(CALENDAR_RULES, SEED_ENTRIES);

/**
 * Whether a term computed from `from` to `to` rests on a year the calendar does not cover, so its end may still
 * move when that year's moveable holidays and transfer orders are entered.
 */
export function isProvisionalTerm(from: string, to: string): boolean {
  return kzCalendar.isProvisional(from, to);
}
