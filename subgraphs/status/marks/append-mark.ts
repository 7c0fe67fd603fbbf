import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../platform/database';
import { Conflict, NotFound } from '../../../platform/errors';
import type { ReviewResult, StatusMarkKind } from '../../../contracts/enums';
import type { ComplaintStatusChangedEvent } from '../../../contracts/events';
import { enqueue } from '../../../platform/outbox/outbox-relay';
import { TrackedComplaintRepository, type TrackedComplaint } from '../complaints';
import { overdueFrom } from '../terms/complaint-terms';
import { lockApplicantMarks } from './applicant-mark-lock.repository';
import { canTransition } from '../complaints/status-transitions';
import type { StatusMarkRecord } from './status-mark.entity';
import { StatusMarkRepository } from './status-mark.repository';

export interface NewMark {
  kind: StatusMarkKind;
  at: Date;
  actorId: string | null;
  note?: string | null;
  result?: ReviewResult | null;
  assigneeId?: string | null;
  dueOn?: string | null;
}

type Changes = Partial<Omit<TrackedComplaint, 'complaintId' | 'status' | 'version'>>;

/**
 * Appends one mark and moves the complaint in one transaction. The transition is checked on the row as it is
 * now, and the row is updated only from the version read (a conditional UPDATE): of two concurrent marks on one
 * complaint one commits and the other gets CONFLICT, writing nothing. `build` derives the mark and the
 * complaint's changes from the row as read inside the transaction.
 *
 * `complaint` is the complaint's id, or its row as the caller has just read it (for the access check): the
 * transaction then tries that row first and reads it again only when something moved it since, which spares the
 * read in the usual case and decides exactly as before in the other.
 */
export async function appendMark(
  db: DataSource,
  complaint: string | TrackedComplaint,
  kind: StatusMarkKind,
  build: (current: TrackedComplaint) => { mark: Omit<NewMark, 'kind'>; changes?: Changes },
  /** Further writes that must commit with the mark (access records, outbox events). */
  alongside?: (em: EntityManager, current: TrackedComplaint, record: StatusMarkRecord) => Promise<unknown>,
): Promise<StatusMarkRecord> {
  const complaintId = typeof complaint === 'string' ? complaint : complaint.complaintId;
  return inTransaction(db, async (em) => {
    const complaints = new TrackedComplaintRepository(em);
    const marks = new StatusMarkRepository(em);
    const check = (current: TrackedComplaint) => {
      if (!canTransition(current.status, kind)) {
        throw new Conflict(`A complaint in status ${current.status} cannot become ${kind}`, { status: current.status });
      }
      return build(current);
    };
    const move = async (current: TrackedComplaint, built: ReturnType<typeof build>) =>
      (await complaints.moveFrom(current, { ...built.changes, status: kind })) ? { current, ...built } : null;
    const fromRow = async () => {
      const current = await complaints.byId(complaintId);
      if (!current) throw new NotFound('Complaint', complaintId);
      return move(current, check(current));
    };
    // The caller's row first; whatever it says no to (a rule, a moved row) is decided again on the row read now.
    const known = typeof complaint === 'string' ? null : complaint;
    const builtOnKnown = known ? orNull(() => check(known)) : null;
    const done = (known && builtOnKnown && (await move(known, builtOnKnown))) || (await fromRow()) || conflict();
    const { current, mark: fields, changes = {} } = done;
    const mark: NewMark = { ...fields, kind };
    const record = marks.create({
      id: randomUUID(),
      complaintId,
      kind: mark.kind,
      at: mark.at,
      actorId: mark.actorId,
      note: mark.note ?? null,
      result: mark.result ?? null,
      applicantIin: current.applicantIin,
      assigneeId: mark.assigneeId ?? null,
      dueOn: mark.dueOn ?? null,
      complaintSeq: current.version + 1, // the version this mark moves the complaint to
      applicantSeq: null, // numbered under the applicant's lock, below
    });
    record.applicantSeq = (await lockApplicantMarks(em, current.applicantIin, record.at)).get(current.applicantIin) ?? null;
    await marks.insertOne(record);
    await enqueue(em, statusChanged(current, kind, changes));
    if (alongside) await alongside(em, current, record);
    return record;
  });
}

function orNull<T>(work: () => T): T | null {
  try {
    return work();
  } catch {
    return null;
  }
}

function conflict(): never {
  throw new Conflict('The complaint changed at the same time; read it again and retry');
}

/** Intake's copy of the status and terms (for its staff lists), sent through the outbox with the mark. */
function statusChanged(current: TrackedComplaint, kind: StatusMarkKind, changes: Changes): ComplaintStatusChangedEvent {
  const after = { ...current, ...changes, status: kind };
  return {
    type: 'ComplaintStatusChanged',
    eventId: randomUUID(),
    complaintId: current.complaintId,
    version: current.version + 1,
    status: kind,
    reviewDueOn: after.reviewDueOn ?? null,
    closedOn: after.closedOn ?? null,
    overdueFrom: overdueFrom(after),
  };
}
