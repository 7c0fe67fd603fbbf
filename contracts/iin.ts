import { identificationCheckDigit } from './check-digit';

/**
 * IIN (individual identification number), 12 digits: YYMMDD, a century/sex digit 1–6, a 4-digit serial and a
 * check digit (platform/check-digit.ts; shared/domain.md, Identifiers). Shared by intake's validation and the
 * citizen token check (platform/auth.ts).
 */
export const iinCheckDigit = identificationCheckDigit;

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
