import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation } from '../../platform/database';
import { StatusMarkKind } from '../../platform/enums';
import type { ComplaintFiledEvent } from '../../platform/events';
import { lockApplicantMarks } from './applicant-mark-lock';
import { StatusMarkRecord } from './status-mark.entity';
import { TrackedComplaint } from './tracked-complaint.entity';

/**
 * Starts tracking a filed complaint with its DELIVERED mark. Idempotent: a redelivered event finds the
 * complaint tracked and changes nothing. Returns the new mark, or null for a repeat.
 */
export async function applyComplaintFiled(db: DataSource, e: ComplaintFiledEvent): Promise<StatusMarkRecord | null> {
  try {
    return await inTransaction(db, async (em) => {
      if (await em.existsBy(TrackedComplaint, { complaintId: e.complaintId })) return null;
      await em.insert(TrackedComplaint, {
        complaintId: e.complaintId,
        number: e.number,
        applicantIin: e.applicantIin,
        serviceProviderId: e.serviceProviderId,
        katoCode: e.katoCode,
        handlerId: e.handlerId,
        handlerBodyId: e.handlerBodyId,
        reviewBodyKind: e.reviewBodyKind,
        submittedAt: new Date(e.submittedAt),
        status: StatusMarkKind.DELIVERED,
        version: 0,
      });
      const mark = em.create(StatusMarkRecord, {
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
      });
      await lockApplicantMarks(em, e.applicantIin, mark.at);
      await em.insert(StatusMarkRecord, mark);
      return mark;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null; // a concurrent delivery of the same event won
    throw err;
  }
}
