/**
 * BIN (business identification number), 12 digits for organisations: YYMM of registration, a type digit
 * (4 resident, 5 non-resident, 6 joint individual entrepreneurship), a unit digit (0 head office, 1 branch,
 * 2 representative office, 3 peasant farm), a serial and a check digit computed like the IIN's
 * (shared/domain.md, Identifiers).
 */
import { identificationCheckDigit } from '../../../contracts/check-digit';
import { invalid, valid, type RuleResult } from '../../../platform/validation';

/** The BIN's check digit is computed like the IIN's (contracts/check-digit.ts). */
export const binCheckDigit = identificationCheckDigit;

export type BinProblem = 'format' | 'month' | 'type' | 'unit' | 'checkDigit';

const TYPE_DIGITS = ['4', '5', '6'];
const UNIT_DIGITS = ['0', '1', '2', '3'];

/** Why `bin` is not a valid BIN, or null when it is. */
export function binProblem(bin: string): BinProblem | null {
  if (!/^\d{12}$/.test(bin)) return 'format';
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12) return 'month';
  if (!TYPE_DIGITS.includes(bin[4])) return 'type';
  if (!UNIT_DIGITS.includes(bin[5])) return 'unit';
  return binCheckDigit(bin.slice(0, 11)) === Number(bin[11]) ? null : 'checkDigit';
}

export function isValidBin(bin: string): boolean {
  return binProblem(bin) === null;
}

export const BIN_PROBLEM_MESSAGES: Record<BinProblem, string> = {
  format: 'A BIN is 12 digits',
  month: 'Digits 3–4 of a BIN are the month of registration (01–12)',
  type: 'Digit 5 of a BIN is the type: 4 resident, 5 non-resident, 6 joint individual entrepreneurship',
  unit: 'Digit 6 of a BIN is the unit: 0 head office, 1 branch, 2 representative office, 3 peasant farm',
  checkDigit: 'The BIN check digit does not match',
};

/** A BIN: 12 digits with a valid month, type, unit and check digit. */
export function bin(raw: string): RuleResult<string> {
  const problem = binProblem(raw ?? '');
  return problem ? invalid(BIN_PROBLEM_MESSAGES[problem]) : valid(raw);
}
