import { invalid, valid, type RuleResult } from '../../../platform/validation';

const DECORATION = /[\s()\-.]/g;

/**
 * A Kazakhstan (+7 numbering plan) phone normalised to `+7XXXXXXXXXX`. Accepts the ways people write it:
 * `+7 (701) 123-45-67`, `8 701 123 45 67`, `87011234567`, `77011234567`, `7011234567`.
 */
export function phoneNumber(raw: string): RuleResult<string> {
  const compact = (raw ?? '').replace(DECORATION, '');
  if (!compact) return invalid('The phone number is empty');
  const m = /^(?:\+7|8|7)?(\d{10})$/.exec(compact);
  if (!m) return invalid(`"${raw}" is not a phone number of the form +7XXXXXXXXXX or 8XXXXXXXXXX`);
  return valid(`+7${m[1]}`);
}
