import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '../../../platform/database';
import { StatusMarkKind } from '../../../contracts/enums';
import type { ComplaintFiledEvent, ComplaintStatusChangedEvent } from '../../../contracts/events';
import { enqueue } from '../../../platform/outbox/outbox-relay';
import { insertRows, insertRowsReturning } from '../../../platform/rows-insert';
import { kzDate } from '../../../platform/scalars';
import { FormerHolder } from '../access';
import { TrackedComplaint, TrackedComplaintRepository } from '../complaints';
import { lockApplicantMarks, StatusMarkRecord, StatusMarkRepository } from '../marks';
import { complaintTerms } from '../terms';

function trackedFrom(e: ComplaintFiledEvent): Partial<TrackedComplaint> {
  return {
    complaintId: e.complaintId,
    number: e.number,
    applicantIin: e.applicantIin,
    serviceProviderId: e.serviceProviderId,
    katoCode: e.katoCode,
    handlerId: e.handlerId,
    handlerBodyId: e.handlerBodyId,
    applicantNames: e.applicantNames ?? null,
    channel: e.channel,
    addressee: e.addressee,
    reviewBodyKind: e.reviewBodyKind,
    submittedAt: new Date(e.submittedAt),
    status: StatusMarkKind.DELIVERED,
    version: 0,
    receivedOn: kzDate(new Date(e.submittedAt)), // received by the body when filed (APPC Art. 63(2))
    forwardedLate: false,
  };
}

/**
 * Intake's first copy of the status and terms (version 0: any mark's event is newer), so its overdue filter also
 * finds complaints nobody registered in time (their registration term is worked out here, on status's calendar).
 */
function deliveredStatus(t: Partial<TrackedComplaint>): ComplaintStatusChangedEvent {
  return {
    type: 'ComplaintStatusChanged',
    eventId: randomUUID(),
    complaintId: t.complaintId!,
    version: 0,
    status: StatusMarkKind.DELIVERED,
    reviewDueOn: null,
    closedOn: null,
    overdueFrom: complaintTerms.overdueFrom(t as TrackedComplaint),
  };
}

function deliveredMark(marks: StatusMarkRepository, e: ComplaintFiledEvent, applicantSeq: number): StatusMarkRecord {
  return marks.create({
    id: randomUUID(),
    complaintId: e.complaintId,
    kind: StatusMarkKind.DELIVERED,
    at: new Date(e.submittedAt),
    actorId: null,
    note: null,
    result: null,
    applicantIin: e.applicantIin,
    assigneeId: null,
    dueOn: null,
    complaintSeq: 0,
    applicantSeq,
  });
}

/**
 * Starts tracking filed complaints, each with its DELIVERED mark, all in one transaction (a relay batch costs a
 * handful of statements, not five per complaint). Idempotent: complaints already tracked, and repeats within the
 * batch, change nothing. Returns the new marks in `seq` order.
 *
 * A batch is first written without asking which complaints are tracked already: a redelivery is rare, and then the
 * complaint's row clashes, the transaction rolls back and the batch is written again leaving the known ones out. If
 * a concurrent delivery of the same events wins that race too, each event goes in a transaction of its own.
 */
export async function applyComplaintsFiled(db: DataSource, events: ComplaintFiledEvent[]): Promise<StatusMarkRecord[]> {
  try {
    return await inTransaction(db, (em) => track(em, events, false));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  try {
    return await inTransaction(db, (em) => track(em, events, true));
  } catch (err) {
    if (!isUniqueViolation(err) || events.length === 1) {
      if (isUniqueViolation(err)) return [];
      throw err;
    }
    const one: StatusMarkRecord[] = [];
    for (const e of events) one.push(...(await applyComplaintsFiled(db, [e])));
    return one;
  }
}

async function track(em: EntityManager, events: ComplaintFiledEvent[], leaveOutKnown: boolean): Promise<StatusMarkRecord[]> {
  const complaints = new TrackedComplaintRepository(em);
  const marks = new StatusMarkRepository(em);
  const seen = leaveOutKnown ? await complaints.knownIds(events.map((e) => e.complaintId)) : new Set<string>();
  const fresh = events.filter((e) => !seen.has(e.complaintId) && seen.add(e.complaintId));
  if (fresh.length === 0) return [];
  const tracked = fresh.map(trackedFrom);
  // Plain multi-row INSERTs (platform/rows-insert): TypeORM's query builder costs more CPU than the rows' storing.
  await insertRows(em, TrackedComplaint, tracked);
  await enqueue(em, ...tracked.map(deliveredStatus));
  // The office clerk who accepted a paper complaint keeps read access (progress questions at the office).
  await insertRows(
    em,
    FormerHolder,
    fresh.filter((e) => e.acceptedById).map((e) => ({ complaintId: e.complaintId, officialId: e.acceptedById!, bodyId: e.acceptedBodyId ?? null })),
  );
  const next = await lockApplicantMarks(em, fresh.map((e) => e.applicantIin), new Date());
  // An applicant's marks of this batch are numbered in the order they are inserted, which is their `seq` order.
  const delivered = fresh.map((e) => {
    const applicantSeq = next.get(e.applicantIin)!;
    next.set(e.applicantIin, applicantSeq + 1);
    return deliveredMark(marks, e, applicantSeq);
  });
  // The marks' `seq` comes back with the INSERT where the database can (RETURNING), else from a read.
  const numbered = await insertRowsReturning(em, StatusMarkRecord, delivered, ['id', 'seq']);
  if (!numbered) {
    await insertRows(em, StatusMarkRecord, delivered);
    return marks.byIds(delivered.map((m) => m.id));
  }
  const seqOf = new Map(numbered.map((m) => [m.id, Number(m.seq)]));
  for (const m of delivered) m.seq = seqOf.get(m.id)!;
  return delivered.sort((a, b) => a.seq - b.seq);
}
