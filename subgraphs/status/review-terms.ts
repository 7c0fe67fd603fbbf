import type { ReviewBodyKind } from '../../platform/enums';
import terms from './data/review-terms.json';
import { addMonths, kzCalendar, type IsoDate } from './working-calendar';

/** Legal terms from data/review-terms.json (each with its article). */
export const reviewTerms = terms;

/** Review term in working days from registration, by the kind of reviewing body (Law "On Public Services" Art. 25). */
export function reviewTermDays(kind: ReviewBodyKind): number {
  const term = terms.reviewTerms[kind];
  if (!term) throw new Error(`No review term for ${kind} in data/review-terms.json`);
  return term.workingDays;
}

/** The last day of review: the term counted in working days after the registration date. */
export function reviewDueOn(registeredOn: IsoDate, kind: ReviewBodyKind): IsoDate {
  return kzCalendar.addWorkingDays(registeredOn, reviewTermDays(kind));
}

/** The latest date extensions may reach: the original due date plus the cap (APPC Art. 76). */
export function extensionLimit(originalDueOn: IsoDate): IsoDate {
  return addMonths(originalDueOn, terms.extension.maxMonthsInTotal);
}

/** Last day to forward a complaint outside the body's competence (APPC Art. 65). */
export function forwardDueOn(receivedOn: IsoDate): IsoDate {
  return kzCalendar.addWorkingDays(receivedOn, terms.forwarding.workingDays);
}

/** Last day for the applicant's court claim after the decision (APPC Art. 136). */
export function courtDeadline(decidedOn: IsoDate): IsoDate {
  return addMonths(decidedOn, terms.court.months);
}
