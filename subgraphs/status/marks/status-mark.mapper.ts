import type { NumberSource } from '../complaints/complaint-numbers';
import type { StatusMarkRecord } from './status-mark.entity';
import type { StatusMark } from './status-mark.type';

/** The public cursor: the mark's global commit sequence, fixed width so it also sorts as text. */
export function encodeCursor(seq: string | number): string {
  return String(seq).padStart(16, '0');
}

export function decodeCursor(cursor: string): string | null {
  return /^\d{1,16}$/.test(cursor) ? String(BigInt(cursor)) : null;
}

export function toStatusMark(r: StatusMarkRecord, complaintNumber?: NumberSource): StatusMark {
  return {
    id: r.id,
    cursor: encodeCursor(r.seq),
    complaintId: r.complaintId,
    complaintNumber,
    kind: r.kind,
    at: r.at,
    actor: r.actorId ? { id: r.actorId } : null,
    note: r.note,
    result: r.result,
    assignee: r.assigneeId ? { id: r.assigneeId } : null,
    dueOn: r.dueOn,
  };
}
