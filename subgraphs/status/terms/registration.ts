import { KZ_UTC_OFFSET_MINUTES, kzDate } from '../../../platform/scalars';
import { kzCalendar, type IsoDate } from '../calendar/kz-calendar';

/**
 * When a registration made at instant `at` counts: on its own day when that is a working day, else as of the
 * start of the next working day (APPC Art. 63(2): received on a non-working day → registered on the next one).
 */
export function registrationMoment(at: Date): { registeredOn: IsoDate; registeredAt: Date } {
  const today = kzDate(at);
  const registeredOn = kzCalendar.workingDayOnOrAfter(today);
  if (registeredOn === today) return { registeredOn, registeredAt: at };
  return { registeredOn, registeredAt: new Date(Date.parse(`${registeredOn}T00:00:00Z`) - KZ_UTC_OFFSET_MINUTES * 60_000) };
}

/**
 * The registration number: the complaint's unique number and the count of its timeline changes, so a complaint
 * registered again by the body it was forwarded to gets a new, still unique, number.
 */
export function registrationNumber(complaintNumber: string, version: number): string {
  return `${complaintNumber}/Т${version}`;
}
