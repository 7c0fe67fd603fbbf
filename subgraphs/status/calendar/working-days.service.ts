import type { CalendarStore } from './calendar-store';
import type { CheckedDate } from './working-calendar';

/** The calendar's limits and coverage, as `Query.workingDayCalendar` shows them. */
export interface CalendarCoverage {
  coveredFrom: number | null;
  coveredTo: number | null;
  coveredYears: number[];
  supportedFrom: number;
  supportedTo: number;
  maxDays: number;
}

/** Working-day arithmetic on this instance's calendar, for anyone (intake asks it for filing terms). */
export class WorkingDaysService {
  constructor(private readonly store: CalendarStore) {}

  addWorkingDays(from: string, days: number): string {
    return this.store.calendar.addWorkingDays(from, days);
  }

  addWorkingDaysChecked(from: string, days: number): CheckedDate {
    return this.store.calendar.addWorkingDaysChecked(from, days);
  }

  isWorkingDay(date: string): boolean {
    return this.store.calendar.isWorkingDay(date);
  }

  coverage(): CalendarCoverage {
    const cal = this.store.calendar;
    const years = cal.coveredYears();
    return {
      coveredFrom: years[0] ?? null,
      coveredTo: years[years.length - 1] ?? null,
      coveredYears: years,
      supportedFrom: cal.rules.supportedYears.from,
      supportedTo: cal.rules.supportedYears.to,
      maxDays: cal.rules.maxDays,
    };
  }
}
