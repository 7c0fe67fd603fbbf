import { cleanText, visibleLength, type CleanTextOptions } from '../text';
import { invalid, valid, type RuleResult } from './rule';

/**
 * A required free text (reasons, demands, position, address, signature): cleaned (platform/text.ts: NFC, no
 * control or invisible characters), with at least `minLength` visible characters and at most `maxLength` in all.
 */
export function requiredText(
  raw: string,
  what: string,
  maxLength: number,
  minLength = 1,
  options: CleanTextOptions = {},
): RuleResult<string> {
  const value = cleanText(raw, options);
  const visible = visibleLength(value, minLength);
  if (visible === 0) return invalid(`${what} must not be empty`);
  if (visible < minLength) return invalid(`${what} is too short (at least ${minLength} characters)`);
  if (value.length > maxLength) return invalid(`${what} is longer than ${maxLength} characters`);
  return valid(value);
}

/** An optional free text: blank (nothing visible) becomes null. */
export function optionalText(raw: string | null | undefined, what: string, maxLength: number): RuleResult<string | null> {
  const value = cleanText(raw);
  if (visibleLength(value, 1) === 0) return valid(null);
  if (value.length > maxLength) return invalid(`${what} is longer than ${maxLength} characters`);
  return valid(value);
}
