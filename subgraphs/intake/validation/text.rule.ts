import { invalid, valid, type RuleResult } from './rule';

/** A required free text (reasons, demands, position, address): trimmed, not blank, at most `maxLength`. */
export function requiredText(raw: string, what: string, maxLength: number, minLength = 1): RuleResult<string> {
  const value = (raw ?? '').trim();
  if (!value) return invalid(`${what} must not be empty`);
  if (value.length < minLength) return invalid(`${what} is too short (at least ${minLength} characters)`);
  if (value.length > maxLength) return invalid(`${what} is longer than ${maxLength} characters`);
  return valid(value);
}

/** An optional free text: blank becomes null. */
export function optionalText(raw: string | null | undefined, what: string, maxLength: number): RuleResult<string | null> {
  const value = (raw ?? '').trim();
  if (!value) return valid(null);
  if (value.length > maxLength) return invalid(`${what} is longer than ${maxLength} characters`);
  return valid(value);
}
