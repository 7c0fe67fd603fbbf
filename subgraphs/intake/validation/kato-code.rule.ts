import { invalid, valid, type RuleResult } from '../../../platform/validation';

/** KATO, the 9-digit classifier code of an administrative-territorial unit (shared/domain.md, Identifiers). */
export function katoCode(raw: string): RuleResult<string> {
  const value = (raw ?? '').trim();
  if (!/^\d{9}$/.test(value)) return invalid(`"${raw}" is not a KATO code (9 digits)`);
  return valid(value);
}
