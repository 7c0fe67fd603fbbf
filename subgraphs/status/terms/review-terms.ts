import type { ReviewBodyKind } from '../../../contracts/enums';
import terms from '../data/review-terms.json';
import { addMonths, kzCalendar, shiftDays, type IsoDate } from '../calendar/kz-calendar';

/** Legal terms from data/review-terms.json (each with its article). */
export const reviewTerms = terms;

/** Review term in working days from registration, by the kind of reviewing body (Law "On Public Services" Art. 25). */
export function reviewTermDays(kind: ReviewBodyKind): number {
  const term = terms.reviewTerms[kind];
  if (!term) throw new Error(`No review term for ${kind} in data/review-terms.json`);
  return term.workingDays;
}

/**
 * APPC Art. 63(2): the last day to register a complaint received on `receivedOn` — that day when it is a
 * working day, else the next working day.
 */
export function registrationDueOn(receivedOn: IsoDate): IsoDate {
  return kzCalendar.workingDayOnOrAfter(receivedOn);
}

/**
 * The last day of review: the term in working days after the day registration was due (Law "On Public
 * Services" Art. 25; APPC Art. 63(2)). Counting from the due day, not the day of the click, means a late
 * registration never moves the end of the term.
 */
export function reviewDueOn(registrationDue: IsoDate, kind: ReviewBodyKind): IsoDate {
  return kzCalendar.addWorkingDays(registrationDue, reviewTermDays(kind));
}

interface ExtensionCap {
  maxWorkingDaysInTotal?: number;
  source?: string;
}

/**
 * The latest date extensions may reach: the original due date plus the cap (APPC Art. 76: 2 months in total),
 * or a shorter cap in working days entered in the data for a kind of body.
 */
export function extensionLimit(originalDueOn: IsoDate, kind: ReviewBodyKind): IsoDate {
  const byMonths = addMonths(originalDueOn, terms.extension.maxMonthsInTotal);
  const special = (terms.extension.byBodyKind as Partial<Record<ReviewBodyKind, ExtensionCap>>)[kind];
  if (!special?.maxWorkingDaysInTotal) return byMonths;
  const byDays = kzCalendar.addWorkingDays(originalDueOn, special.maxWorkingDaysInTotal);
  return byDays < byMonths ? byDays : byMonths;
}

/** Last day to forward a complaint outside the body's competence: 3 working days from receipt (APPC Art. 65, 91(4)). */
export function forwardDueOn(receivedOn: IsoDate): IsoDate {
  return kzCalendar.addWorkingDays(receivedOn, terms.forwarding.workingDays);
}

/** A term in months from `from`; when it ends on a non-working day it ends on the next working day. */
export function monthsTermEnd(from: IsoDate, months: number): IsoDate {
  return kzCalendar.workingDayOnOrAfter(addMonths(from, months));
}

/** Last day for the applicant's court claim: 1 month from receiving the decision (APPC Art. 136). */
export function courtDeadline(decisionReceivedOn: IsoDate): IsoDate {
  return monthsTermEnd(decisionReceivedOn, terms.court.months);
}

/** The first day the applicant may treat the missing decision as an inaction: the day after the term ended. */
export function dayAfter(date: IsoDate): IsoDate {
  return shiftDays(date, 1);
}
