import { randomUUID } from 'node:crypto';
import type { ComplaintFiledEvent } from '../../../contracts/events';
import { traceHeaders } from '../../../platform/tracing';
import type { ComplaintRecord } from '../complaints';

/** The event a filing queues in its own transaction for status (outbox), which starts the timeline from it. */
export function complaintFiledEvent(r: ComplaintRecord, acceptedBodyId: string | null): ComplaintFiledEvent {
  return {
    type: 'ComplaintFiled',
    eventId: randomUUID(),
    complaintId: r.id,
    number: r.number,
    channel: r.channel,
    addressee: r.addressee,
    applicantIin: r.applicantIin,
    serviceProviderId: r.serviceProviderId,
    katoCode: r.katoCode,
    handlerId: r.handlerId,
    handlerBodyId: r.handlerBodyId,
    reviewBodyKind: r.reviewBodyKind,
    submittedAt: r.submittedAt.toISOString(),
    filedOn: r.filedOn,
    acceptedById: r.acceptedById,
    acceptedBodyId,
    applicantNames: [r.applicantSurname, r.applicantName, r.applicantPatronymic],
    // The filing's trace goes on with the event (relay, status): one request is one trace.
    ...traceHeaders(),
  };
}
