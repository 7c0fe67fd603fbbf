import { BadUserInput } from '../../../platform/errors';
import { cleanText, visibleLength } from '../../../platform/text';
import term from '../data/filing-term.json';

/** Adds calendar months, clamping to the month's last day (30 Nov + 3 months → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The first working day on or after a date; intake asks status's calendar (`clients/status-calendar.client.ts`). */
export type WorkingDayOnOrAfter = (date: string) => Promise<string> | string;

/**
 * Without the working-day calendar (status did not answer, or for rows stored before the deadline was): the date,
 * or the Monday after it when it is a Saturday or Sunday. Holidays are not known here.
 */
export function weekdayOnOrAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDay();
  if (day === 6) d.setUTCDate(d.getUTCDate() + 2);
  if (day === 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Last day to file: 3 months from the day the applicant learned of the act or action (APPC Art. 92); a term in
 * months that ends on a non-working day ends on the next working day (the same rule status applies to
 * `appealDeadline`, `subgraphs/status/review-terms.ts` `monthsTermEnd`).
 */
export async function filingDeadline(violationLearnedOn: string, workingDayOnOrAfter: WorkingDayOnOrAfter): Promise<string> {
  return workingDayOnOrAfter(threeMonthsFrom(violationLearnedOn));
}

/** The calendar day 3 months on (APPC Art. 92), before it is moved off a non-working day. */
export function threeMonthsFrom(violationLearnedOn: string): string {
  return addMonths(violationLearnedOn, term.months);
}

export interface FilingTerm {
  violationLearnedOn: string | null;
  /** The last day to file, moved off a non-working day; null without `violationLearnedOn`. */
  filingDeadline: string | null;
  /** The applicant's reason for filing after the term; null when filed in time. */
  lateFilingReason: string | null;
}

/**
 * APPC Art. 92: a complaint filed more than 3 months after the applicant learned of the act or action is
 * accepted only with a reason (the reviewing body decides whether to restore the term). A date in the future is
 * an input error. Throws BAD_USER_INPUT naming the field; returns what to store. `workingDayOnOrAfter` is asked
 * only when `violationLearnedOn` is given and not in the future.
 */
export async function checkFilingTerm(
  input: { violationLearnedOn?: string | null; lateFilingReason?: string | null },
  filedOn: string,
  workingDayOnOrAfter: WorkingDayOnOrAfter,
): Promise<FilingTerm> {
  const learnedOn = input.violationLearnedOn ?? null;
  if (!learnedOn) return { violationLearnedOn: null, filingDeadline: null, lateFilingReason: null };
  if (learnedOn > filedOn) {
    throw new BadUserInput(`violationLearnedOn ${learnedOn} is after the filing date ${filedOn}`, 'input.violationLearnedOn');
  }
  const deadline = await filingDeadline(learnedOn, workingDayOnOrAfter);
  if (filedOn <= deadline) return { violationLearnedOn: learnedOn, filingDeadline: deadline, lateFilingReason: null };
  const reason = cleanText(input.lateFilingReason, { multiline: true });
  if (visibleLength(reason) === 0) {
    throw new BadUserInput(
      `The 3-month term to complain ended on ${deadline} (APPC Art. 92): give the reason for filing late in lateFilingReason`,
      'input.lateFilingReason',
      { filingDeadline: deadline },
    );
  }
  if (reason.length > term.reasonMaxLength) {
    throw new BadUserInput(`lateFilingReason is longer than ${term.reasonMaxLength} characters`, 'input.lateFilingReason');
  }
  return { violationLearnedOn: learnedOn, filingDeadline: deadline, lateFilingReason: reason };
}
