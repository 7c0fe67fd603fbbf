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
import { writesMarksInOneTrip } from './one-trip-mark';
import { writeMarkInGroup } from './one-trip-mark-group';

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
 * read in the usual case and decides exactly as before in the other. A row that changed hands since the access
 * check is not decided again: CONFLICT, and the caller's retry checks access on the new holder.
 *
 * On MariaDB a mark with nothing `alongside` is written in one round trip (`one-trip-mark.ts`): the same
 * statements, run by the server as one compound statement, shared with the marks that arrive meanwhile
 * (`one-trip-mark-group.ts`).
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
  const check = (current: TrackedComplaint) => {
    if (!canTransition(current.status, kind)) {
      throw new Conflict(`A complaint in status ${current.status} cannot become ${kind}`, { status: current.status });
    }
    return build(current);
  };
  // The caller's row first; whatever it says no to (a rule, a moved row) is decided again on the row read now.
  const known = typeof complaint === 'string' ? null : complaint;
  const builtOnKnown = known ? orNull(() => check(known)) : null;
  const decide = async (
    read: () => Promise<TrackedComplaint | null>,
    move: (current: TrackedComplaint, built: Built) => Promise<StatusMarkRecord | null>,
  ): Promise<StatusMarkRecord> => {
    const fromRow = async () => {
      const current = await read();
      if (!current) throw new NotFound('Complaint', complaintId);
      // The caller's access was checked on `known`: a row that changed hands since is not decided for them.
      if (known && changedHands(known, current)) conflict();
      return move(current, check(current));
    };
    return (known && builtOnKnown && (await move(known, builtOnKnown))) || (await fromRow()) || conflict();
  };

  if (!alongside && writesMarksInOneTrip(db)) {
    const marks = new StatusMarkRepository(db.manager);
    return decide(
      () => new TrackedComplaintRepository(db.manager).byId(complaintId),
      async (current, built) => {
        const record = newRecord(marks, current, kind, built.mark);
        const changes = { ...built.changes, status: kind };
        const event = statusChanged(current, kind, built.changes ?? {});
        return (await writeMarkInGroup(db, { current, changes, record, event })) === 'written' ? record : null;
      },
    );
  }

  return inTransaction(db, async (em) => {
    const complaints = new TrackedComplaintRepository(em);
    const marks = new StatusMarkRepository(em);
    return decide(
      () => complaints.byId(complaintId),
      async (current, built) => {
        if (!(await complaints.moveFrom(current, { ...built.changes, status: kind }))) return null;
        const record = newRecord(marks, current, kind, built.mark);
        record.applicantSeq = (await lockApplicantMarks(em, current.applicantIin, record.at)).get(current.applicantIin) ?? null;
        await marks.insertOne(record);
        await enqueue(em, statusChanged(current, kind, built.changes ?? {}));
        if (alongside) await alongside(em, current, record);
        return record;
      },
    );
  });
}

type Built = { mark: Omit<NewMark, 'kind'>; changes?: Changes };

/** The mark row as `current` is moved by it; `seq` and `applicantSeq` are given when it is written. */
function newRecord(marks: StatusMarkRepository, current: TrackedComplaint, kind: StatusMarkKind, mark: Omit<NewMark, 'kind'>): StatusMarkRecord {
  return marks.create({
    id: randomUUID(),
    complaintId: current.complaintId,
    kind,
    at: mark.at,
    actorId: mark.actorId,
    note: mark.note ?? null,
    result: mark.result ?? null,
    applicantIin: current.applicantIin,
    assigneeId: mark.assigneeId ?? null,
    dueOn: mark.dueOn ?? null,
    complaintSeq: current.version + 1, // the version this mark moves the complaint to
    applicantSeq: null, // numbered under the applicant's lock
  });
}

function orNull<T>(work: () => T): T | null {
  try {
    return work();
  } catch {
    return null;
  }
}

function changedHands(known: TrackedComplaint, current: TrackedComplaint): boolean {
  return known.handlerId !== current.handlerId || known.handlerBodyId !== current.handlerBodyId;
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
