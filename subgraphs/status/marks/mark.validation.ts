import { invalid, requiredText, valid, type RuleResult } from '../../../platform/validation';

/** Longest note or reason a mark keeps. */
export const MAX_MARK_TEXT = 4000;
/** Most working days one extension may add (the APPC Art. 76 cap in total is checked against the terms). */
export const MAX_EXTENSION_WORKING_DAYS = 60;

/** A mark's note or reason: cleaned (platform/text.ts, lines kept), with something visible. */
export function markText(raw: string, field: string): RuleResult<string> {
  return requiredText(raw, field, MAX_MARK_TEXT, 1, { multiline: true });
}

export function extensionDays(workingDays: number): RuleResult<number> {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
    return invalid(`workingDays must be between 1 and ${MAX_EXTENSION_WORKING_DAYS}`);
  }
  return valid(workingDays);
}

/** A paper withdrawal rests on the applicant's signed statement. */
export function signedStatement(signedOnPaper: boolean): RuleResult<true> {
  return signedOnPaper === true ? valid(true) : invalid("A paper withdrawal needs the applicant's signed statement");
}
