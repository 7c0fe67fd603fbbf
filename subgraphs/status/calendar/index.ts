/** The working-day calendar: what the rest of status may use (terms use `kzCalendar` and `isProvisionalTerm`). */
export { addMonths, isProvisionalTerm, kzCalendar, shiftDays, WorkingCalendar } from './kz-calendar';
export type { CalendarEntry, CheckedCount, CheckedDate, IsoDate } from './kz-calendar';
export { CalendarStore, CALENDAR_CHANGED_CHANNEL } from './calendar-store';
export { CalendarAdminService } from './calendar-admin.service';
export { CalendarEntryRecord } from './calendar-entry.entity';
export { CalendarResolver } from './calendar.resolver';
export { WorkingDaysService } from './working-days.service';
