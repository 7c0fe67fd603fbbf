import { ReviewBodyKind, StatusMarkKind } from '../../../contracts/enums';
import { BadUserInput, Conflict } from '../../../platform/errors';
import { kzDate } from '../../../platform/scalars';
import { NextStepCode, OverdueReason, type NextStep } from './terms.type';
import {
  courtDeadline,
  dayAfter,
  extensionLimit,
  forwardDueOn,
  monthsTermEnd,
  registrationDueOn,
  reviewDueOn,
  reviewTerms,
} from './review-terms';
import { isOpen } from '../complaints/status-transitions';
import type { TrackedComplaint } from '../complaints/tracked-complaint.entity';
import { kzCalendar, type IsoDate } from '../calendar/kz-calendar';

/**
 * A complaint's terms as of `today` (a Kazakhstan date), worked out from what status keeps. Pure: the service
 * passes the clock's date, so every rule here is tested without a database or today's date.
 */
type Tracked = Pick<
  TrackedComplaint,
  'status' | 'submittedAt' | 'receivedOn' | 'forwardedLate' | 'reviewDueOn' | 'closedOn' | 'reviewBodyKind'
>;

/** The day the body that has the complaint received it (rows from before `receivedOn` existed: the filing day). */
export function receivedOnOf(t: Pick<Tracked, 'receivedOn' | 'submittedAt'>): IsoDate {
  return t.receivedOn ?? kzDate(t.submittedAt);
}

/** APPC Art. 63(2): the last day to register, for the body that has the complaint now. */
export function registrationDueOf(t: Pick<Tracked, 'receivedOn' | 'submittedAt'>): IsoDate {
  return registrationDueOn(receivedOnOf(t));
}

/** The registered term, or, while unregistered, the term the body has anyway (counted from the registration due day). */
export function effectiveReviewDueOn(t: Tracked): IsoDate {
  return t.reviewDueOn ?? reviewDueOn(registrationDueOf(t), t.reviewBodyKind);
}

/**
 * Which term is missed, or null:
 * - REVIEW: the review term ended before a decision (stays after a late decision or withdrawal: it happened);
 * - REGISTRATION: not registered by the end of the day registration was due (APPC Art. 63(2)), while unregistered;
 * - FORWARDING: forwarded after the 3-working-day term (APPC Art. 65), until the new body registers it.
 * Extensions move `reviewDueOn` only before it ends (APPC Art. 76), so they never clear a REVIEW that happened.
 */
export function overdueReason(t: Tracked, today: IsoDate): OverdueReason | null {
  if (t.reviewDueOn) {
    const end = isOpen(t.status) ? today : (t.closedOn ?? today);
    return end > t.reviewDueOn ? OverdueReason.REVIEW : null;
  }
  if (!isOpen(t.status)) return null;
  if (today > registrationDueOf(t)) return OverdueReason.REGISTRATION;
  if (t.forwardedLate) return OverdueReason.FORWARDING;
  return null;
}

/** After REVIEWED: the last day to go to court, 1 month from the decision, moved off a non-working day (APPC Art. 136). */
export function appealDeadline(t: Pick<Tracked, 'status' | 'closedOn'>): IsoDate | null {
  if (t.status !== StatusMarkKind.REVIEWED || !t.closedOn) return null;
  return courtDeadline(t.closedOn);
}

/**
 * What the applicant can do next: after the decision, the court (APPC Art. 136); when the review term passed with
 * no decision, a complaint about the inaction to the quality-control body (or the court), or, when that body
 * itself let the term pass, the court.
 */
export function nextStep(t: Tracked, today: IsoDate): NextStep | null {
  const court = appealDeadline(t);
  if (court) {
    return {
      code: NextStepCode.COURT,
      descriptionKk: reviewTerms.afterDecision.kk,
      descriptionRu: reviewTerms.afterDecision.ru,
      deadline: court,
      legalBasis: reviewTerms.court.source,
    };
  }
  if (!isOpen(t.status)) return null;
  const due = effectiveReviewDueOn(t);
  if (today <= due) return null;
  const step =
    t.reviewBodyKind === ReviewBodyKind.QUALITY_CONTROL_BODY
      ? { code: NextStepCode.COURT, term: reviewTerms.noDecision.court }
      : { code: NextStepCode.QUALITY_CONTROL_BODY, term: reviewTerms.noDecision.qualityControlBody };
  return {
    code: step.code,
    descriptionKk: step.term.kk,
    descriptionRu: step.term.ru,
    deadline: monthsTermEnd(dayAfter(due), step.term.months),
    legalBasis: step.term.source,
  };
}

/**
 * APPC Art. 76: the new last day of review after extending by `workingDays` on `today`. Only before the term
 * ends (CONFLICT after it, so an overdue that happened is never cleared), and all extensions together reach at
 * most the cap past the original term (BAD_USER_INPUT beyond it).
 */
export function extendedReviewDueOn(
  t: Pick<TrackedComplaint, 'status' | 'reviewDueOn' | 'originalDueOn' | 'reviewBodyKind'>,
  workingDays: number,
  today: IsoDate,
): IsoDate {
  if (!t.reviewDueOn || !t.originalDueOn) {
    throw new Conflict('Only a registered complaint has a review term to extend', { status: t.status });
  }
  if (today > t.reviewDueOn) {
    throw new Conflict(`The review term ended on ${t.reviewDueOn}: APPC Art. 76 allows an extension only before the term ends`, {
      reviewDueOn: t.reviewDueOn,
      reason: 'TERM_EXPIRED',
    });
  }
  const due = kzCalendar.addWorkingDays(t.reviewDueOn, workingDays);
  const limit = extensionLimit(t.originalDueOn, t.reviewBodyKind);
  if (due > limit) {
    const message = `Extensions may reach at most ${limit} (APPC Art. 76: 2 months in total)`;
    throw new BadUserInput(message, 'workingDays', { latestDueOn: limit, problems: [{ field: 'workingDays', message }] });
  }
  return due;
}

/** APPC Art. 65: whether a forward made on `today` is late, and the day it was due. */
export function forwardTiming(t: Pick<Tracked, 'receivedOn' | 'submittedAt'>, today: IsoDate): { dueOn: IsoDate; late: boolean } {
  const dueOn = forwardDueOn(receivedOnOf(t));
  return { dueOn, late: today > dueOn };
}

/**
 * APPC Art. 63(2), for statistics: registered after the day registration was due for the body that has it, or,
 * still unregistered, that day has passed (the REGISTRATION overdue).
 */
export function registeredLate(t: Tracked & Pick<TrackedComplaint, 'registeredOn'>, today: IsoDate): boolean {
  if (t.registeredOn) return t.registeredOn > registrationDueOf(t);
  return overdueReason(t, today) === OverdueReason.REGISTRATION;
}

/**
 * APPC Art. 65, for statistics: how many of a complaint's forwards (their Kazakhstan days, oldest first) came
 * after the forwarding term; each body's term counts from the day it received the complaint (the filing day,
 * then the day of the forward that brought it), as `forwardTiming` decides it for each forward.
 */
export function lateForwards(submittedAt: Date, forwardDays: IsoDate[]): number {
  let receivedOn: IsoDate = kzDate(submittedAt);
  let late = 0;
  for (const day of forwardDays) {
    if (forwardTiming({ receivedOn, submittedAt }, day).late) late++;
    receivedOn = day;
  }
  return late;
}

/**
 * The first Kazakhstan day on which `overdueReason` is not null for the complaint as it stands now (null: never,
 * unless a mark changes it), so a copy of it answers "overdue as of today" without the calendar: intake's list
 * filter (`overdueFrom <= today`). For every day from the complaint's last receipt on,
 * `overdueReason(t, day) !== null` exactly when `overdueFrom(t) <= day` (complaint-terms.spec.ts checks it).
 */
export function overdueFrom(t: Tracked): IsoDate | null {
  if (t.reviewDueOn) {
    const late = dayAfter(t.reviewDueOn);
    if (isOpen(t.status) || !t.closedOn) return late;
    return t.closedOn > t.reviewDueOn ? late : null;
  }
  if (!isOpen(t.status)) return null;
  if (t.forwardedLate) return receivedOnOf(t);
  return dayAfter(registrationDueOf(t));
}
