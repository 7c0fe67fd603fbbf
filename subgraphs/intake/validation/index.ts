/** What a complaint must contain (seed) and the filing term (APPC Art. 92), in platform/validation's style. */
export { validateComplaint, type ValidComplaint } from './complaint.validation';
export { checkFilingTerm, threeMonthsFrom, weekdayOnOrAfter, type FilingTerm, type WorkingDayOnOrAfter } from './filing-term.rule';
export { LIMITS } from './limits';
