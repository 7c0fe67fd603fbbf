import { BadUserInput } from '../errors';
import type { RuleResult } from './rule';

export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Collects every problem of an input; `check` returns the rule's value (or a placeholder when invalid), `assertNone`
 * throws BAD_USER_INPUT naming the first wrong field, with `extensions.problems` listing all. The one error shape for
 * bad input in every subgraph.
 */
export class Problems {
  readonly list: InputProblem[] = [];

  check<T>(field: string, result: RuleResult<T>, fallback: T): T {
    if (result.ok) return result.value;
    this.list.push({ field, message: result.message });
    return fallback;
  }

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  assertNone(): void {
    const [first] = this.list;
    if (first) throw new BadUserInput(first.message, first.field, { problems: this.list });
  }
}

/** One rule on one field: its value, or BAD_USER_INPUT in the same shape as `Problems`. */
export function required<T>(field: string, result: RuleResult<T>): T {
  if (result.ok) return result.value;
  throw new BadUserInput(result.message, field, { problems: [{ field, message: result.message }] });
}

/**
 * BAD_USER_INPUT about one field, in the same shape, for checks that are not a pure rule on the input (they depend
 * on the calendar, the directory or the stored data).
 */
export function rejectInput(field: string, message: string): never {
  throw new BadUserInput(message, field, { problems: [{ field, message }] });
}
