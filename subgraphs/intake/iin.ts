/**
 * IIN (individual identification number), 12 digits: YYMMDD, a century/sex digit 1–6, a 4-digit serial and a
 * check digit. Check digit: Σ dᵢ·i (i = 1..11) mod 11; if that is 10, Σ dᵢ·wᵢ with w = 3,4,5,6,7,8,9,10,11,1,2
 * mod 11; if 10 again the number is invalid (shared/domain.md, Identifiers).
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first 11 digits, or null when no digit is possible. */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * weights[i], 0) % 11;
  const first = sum(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = sum(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export type IinProblem = 'format' | 'century' | 'birthDate' | 'checkDigit';

/** Why `iin` is not a valid IIN, or null when it is. */
export function iinProblem(iin: string): IinProblem | null {
  if (!/^\d{12}$/.test(iin)) return 'format';
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return 'century';
  const century = [1800, 1800, 1900, 1900, 2000, 2000][centuryDigit - 1];
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'birthDate';
  return iinCheckDigit(iin.slice(0, 11)) === Number(iin[11]) ? null : 'checkDigit';
}

export function isValidIin(iin: string): boolean {
  return iinProblem(iin) === null;
}
