import { isUniqueViolation } from '../../../platform/database';
import { BadUserInput, Conflict } from '../../../platform/errors';
import { cleanText, visibleLength } from '../../../platform/text';
import { BIN_PROBLEM_MESSAGES, binProblem } from './bin.rule';
import { KATO_PROBLEM_MESSAGES, katoProblem } from './kato.rule';

/** A cleaned (platform/text.ts) one-line text with something visible, of at most `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const text = cleanText(value);
  if (visibleLength(text) === 0) throw new BadUserInput(`${field} must not be empty`, field);
  if (text.length > max) throw new BadUserInput(`${field} must be at most ${max} characters`, field);
  return text;
}

/** Like `requiredText`, but empty means "none". */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || visibleLength(cleanText(value)) === 0) return null;
  return requiredText(value, field, max);
}

export function validKato(code: string, field: string): string {
  const problem = katoProblem(code ?? '');
  if (problem) throw new BadUserInput(KATO_PROBLEM_MESSAGES[problem], field, { problem });
  return code;
}

export function validBin(bin: string, field: string): string {
  const problem = binProblem(bin ?? '');
  if (problem) throw new BadUserInput(BIN_PROBLEM_MESSAGES[problem], field, { problem });
  return bin;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validId(id: string, field: string): string {
  if (!UUID.test(id ?? '')) throw new BadUserInput(`${field} must be a UUID`, field);
  return id.toLowerCase();
}

/** Runs a write; a unique-key violation (a race with a concurrent duplicate) becomes CONFLICT. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, message: string, extra: Record<string, unknown> = {}): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(message, extra);
    throw err;
  }
}
