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

/** Last day to file: 3 months from the day the applicant learned of the act or action (APPC Art. 92). */
export function filingDeadline(violationLearnedOn: string): string {
  return addMonths(violationLearnedOn, term.months);
}

export interface FilingTerm {
  violationLearnedOn: string | null;
  /** The applicant's reason for filing after the term; null when filed in time. */
  lateFilingReason: string | null;
}

/**
 * APPC Art. 92: a complaint filed more than 3 months after the applicant learned of the act or action is
 * accepted only with a reason (the reviewing body decides whether to restore the term). A date in the future is
 * an input error. Throws BAD_USER_INPUT naming the field; returns what to store.
 */
export function checkFilingTerm(
  input: { violationLearnedOn?: string | null; lateFilingReason?: string | null },
  filedOn: string,
): FilingTerm {
  const learnedOn = input.violationLearnedOn ?? null;
  if (!learnedOn) return { violationLearnedOn: null, lateFilingReason: null };
  if (learnedOn > filedOn) {
    throw new BadUserInput(`violationLearnedOn ${learnedOn} is after the filing date ${filedOn}`, 'input.violationLearnedOn');
  }
  const deadline = filingDeadline(learnedOn);
  if (filedOn <= deadline) return { violationLearnedOn: learnedOn, lateFilingReason: null };
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
  return { violationLearnedOn: learnedOn, lateFilingReason: reason };
}
