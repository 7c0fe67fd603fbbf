import { LIMITS } from './limits';
import { invalid, tidy, valid, type RuleResult } from '../../../platform/validation';

// Kazakh Cyrillic is the Russian alphabet plus Ә Ғ Қ Ң Ө Ұ Ү Һ І; Latin includes the letters of the 2021
// Kazakh Latin alphabet (Ä Ğ Ñ Ö Ş Ū Ü İ ı).
const CYRILLIC = 'А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі';
const LATIN = 'A-Za-zÄäĞğÑñÖöŞşŪūÜüİı';
const SEPARATORS = "\\- '’ʼ";
const SHAPE = new RegExp(`^[${CYRILLIC}${LATIN}]+([${SEPARATORS}][${CYRILLIC}${LATIN}]+)*$`);
const HAS_CYRILLIC = new RegExp(`[${CYRILLIC}]`);
const HAS_LATIN = new RegExp(`[${LATIN}]`);

/**
 * A surname, name or patronymic: letters of the Kazakh/Russian Cyrillic or the Latin alphabet, words joined by
 * a hyphen, an apostrophe or a space. Mixing both alphabets in one name is refused: it is almost always a
 * look-alike letter typed by mistake (Latin "A" in "Aхметова").
 */
export function personName(raw: string, what = 'The name'): RuleResult<string> {
  const value = tidy(raw ?? '');
  if (!value) return invalid(`${what} is required`);
  if (value.length > LIMITS.personName.maxLength) {
    return invalid(`${what} is longer than ${LIMITS.personName.maxLength} characters`);
  }
  if (!SHAPE.test(value)) {
    return invalid(`${what} may contain only Kazakh, Russian or Latin letters, joined by hyphens, apostrophes or spaces`);
  }
  if (HAS_CYRILLIC.test(value) && HAS_LATIN.test(value)) {
    return invalid(`${what} mixes Cyrillic and Latin letters`);
  }
  return valid(value);
}
