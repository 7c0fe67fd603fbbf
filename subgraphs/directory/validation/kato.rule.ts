import { invalid, valid, type RuleResult } from '../../../platform/validation';
import katoRegions from '../data/kato-regions.json';

/**
 * KATO code, 9 digits; the first two name the region or city of republican significance
 * (shared/domain.md, Identifiers; the list is data in data/kato-regions.json).
 */
export type KatoProblem = 'format' | 'region';

const REGIONS: Record<string, string> = katoRegions.regions;

/** Why `code` is not a KATO code, or null when it is one. */
export function katoProblem(code: string): KatoProblem | null {
  if (!/^\d{9}$/.test(code)) return 'format';
  return code.slice(0, 2) in REGIONS ? null : 'region';
}

export function isValidKato(code: string): boolean {
  return katoProblem(code) === null;
}

/** The region (first two digits) of a valid KATO code. */
export function katoRegion(code: string): string {
  return code.slice(0, 2);
}

export const KATO_PROBLEM_MESSAGES: Record<KatoProblem, string> = {
  format: 'A KATO code is 9 digits',
  region: 'The first two digits of a KATO code must be a known region or city of republican significance',
};

/** A KATO code: 9 digits, the first two a known region. */
export function katoCode(raw: string): RuleResult<string> {
  const problem = katoProblem(raw ?? '');
  return problem ? invalid(KATO_PROBLEM_MESSAGES[problem]) : valid(raw);
}
