import { iinProblem } from '../../../contracts/iin';
import { invalid, valid, type RuleResult } from '../../../platform/validation';

const MESSAGES = {
  format: 'The IIN must be exactly 12 digits',
  century: 'The IIN\'s 7th digit (century and sex) must be 1 to 6',
  birthDate: 'The IIN does not start with a real birth date (YYMMDD)',
  checkDigit: 'The IIN\'s check digit is wrong: please check the number',
};

/** The applicant's IIN, with the reason it is wrong. */
export function applicantIin(raw: string): RuleResult<string> {
  const value = (raw ?? '').replace(/\s/g, '');
  const problem = iinProblem(value);
  return problem ? invalid(MESSAGES[problem]) : valid(value);
}
