import { Problems } from '../../../platform/validation';

/**
 * BAD_USER_INPUT about one field in the one shape of platform/validation (`extensions.field` and
 * `extensions.problems`), for checks that are not a pure rule on the input (they depend on the calendar, the
 * directory or the complaint as stored).
 */
export function rejectInput(field: string, message: string): never {
  const problems = new Problems();
  problems.add(field, message);
  problems.assertNone();
  throw new Error(`unreachable: ${message}`);
}
