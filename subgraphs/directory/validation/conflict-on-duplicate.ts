import { isUniqueViolation } from '../../../platform/database';
import { Conflict } from '../../../platform/errors';

/** Runs a write; a unique-key violation (a race with a concurrent duplicate) becomes CONFLICT. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, message: string, extra: Record<string, unknown> = {}): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(message, extra);
    throw err;
  }
}
