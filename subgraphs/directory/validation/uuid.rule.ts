import { invalid, valid, type RuleResult } from '../../../platform/validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id chosen by the caller: a UUID, stored in lower case. */
export function uuid(raw: string, what: string): RuleResult<string> {
  return UUID.test(raw ?? '') ? valid(raw.toLowerCase()) : invalid(`${what} must be a UUID`);
}
