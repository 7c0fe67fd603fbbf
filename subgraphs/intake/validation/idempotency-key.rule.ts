import { LIMITS } from './limits';
import { invalid, valid, type RuleResult } from '../../../platform/validation';

/** An optional client-chosen retry key (a UUID is a good choice). */
export function idempotencyKey(raw: string | null | undefined): RuleResult<string | null> {
  if (raw === null || raw === undefined) return valid(null);
  const value = raw.trim();
  const { minLength, maxLength } = LIMITS.idempotencyKey;
  if (value.length < minLength || value.length > maxLength) {
    return invalid(`The idempotency key must be ${minLength} to ${maxLength} characters (a UUID is a good choice)`);
  }
  return valid(value);
}
