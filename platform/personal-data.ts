/**
 * Depersonalisation for inter-agency consumers (shared/domain.md, Personal data): masked IIN, initials instead of
 * names, and free text (reasons, demands, mark notes) with the applicant's own data masked where it appears.
 */

/** `900101300026` → `9001******26` */
export function maskIin(iin: string): string {
  return `${iin.slice(0, 4)}******${iin.slice(10)}`;
}

/** `Ахметова` → `А.`; null stays null. */
export function initial(name: string | null | undefined): string | null {
  const first = name?.trim()[0];
  return first ? `${first.toLocaleUpperCase('ru')}.` : null;
}

export interface ApplicantData {
  iin?: string | null;
  names?: (string | null | undefined)[];
  postalAddress?: string | null;
  phones?: string[];
}

const MASK = '***';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any 12-digit run (an IIN or BIN) and anything that looks like a Kazakh phone number. */
const IIN_LIKE = /(?<!\d)\d{12}(?!\d)/g;
const PHONE_LIKE = /(?:\+7|(?<!\d)8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g;

/**
 * The text with the applicant's data masked: their IIN and any IIN-like number, phone-like numbers, their postal
 * address, and their names as whole words (case aside). Linear in the text: a fixed number of passes.
 */
export function maskApplicantData(text: string | null, applicant: ApplicantData): string | null {
  if (text === null) return null;
  let out = text.replace(IIN_LIKE, MASK).replace(PHONE_LIKE, MASK);
  const address = applicant.postalAddress?.trim();
  if (address) out = out.split(address).join(MASK);
  const names = (applicant.names ?? []).map((n) => n?.trim()).filter((n): n is string => !!n && n.length >= 2);
  if (names.length > 0) {
    const words = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(words, MASK);
  }
  return out;
}
