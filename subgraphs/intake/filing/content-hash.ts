import { createHash } from 'node:crypto';
import type { Channel } from '../../../contracts/enums';
import type { FilingTerm, ValidComplaint } from '../validation';

/** SHA-256 of a filing's validated content: a retry key reused with other content is a conflict, not a retry. */
export function contentHash(channel: Channel, v: ValidComplaint & FilingTerm): string {
  const { idempotencyKey: _key, violationLearnedOn, filingDeadline: _deadline, lateFilingReason, ...rest } = v;
  // The filing-term fields join the hash only when given, so keys stored before they existed still match.
  const content = { ...rest, ...(violationLearnedOn ? { violationLearnedOn } : {}), ...(lateFilingReason ? { lateFilingReason } : {}) };
  return createHash('sha256').update(JSON.stringify({ channel, ...content })).digest('hex');
}
