import type { StatusMarkRecord } from '../marks';

/** The pub/sub channel every committed mark is published on (all status instances listen). */
export const STATUS_MARK_CHANNEL = 'status.mark-added';

/** A mark as it travels over pub/sub (JSON). */
export type MarkMessage = Omit<StatusMarkRecord, 'at'> & { at: string };
