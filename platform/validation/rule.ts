/** What a pure validation rule returns: the normalised value, or why the input is wrong (in plain words). */
export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const valid = <T>(value: T): RuleResult<T> => ({ ok: true, value });
export const invalid = <T = never>(message: string): RuleResult<T> => ({ ok: false, message });

/** Trims and collapses runs of whitespace (input often comes from copy-paste). */
export function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
