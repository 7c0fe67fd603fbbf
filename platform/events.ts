import type { Addressee, Channel, ReviewBodyKind } from './enums';

/**
 * Durable messages between services. Intake writes them to its outbox in the same transaction as the
 * complaint; the relay delivers them at least once; consumers apply each `eventId` at most once.
 */
export interface ComplaintFiledEvent {
  type: 'ComplaintFiled';
  eventId: string;
  complaintId: string;
  number: string;
  channel: Channel;
  addressee: Addressee;
  applicantIin: string;
  serviceProviderId: string;
  katoCode: string | null;
  /** The competent official chosen by the directory at filing time. */
  handlerId: string;
  /** The body the handler acts for (provider id, or the akimat's unit code), for "same body" rules. */
  handlerBodyId: string | null;
  reviewBodyKind: ReviewBodyKind;
  submittedAt: string;
  filedOn: string;
  /** W3C trace context of the request that caused the event (only when tracing is on; see platform/tracing.ts). */
  traceparent?: string;
  tracestate?: string;
}

export type ServiceEvent = ComplaintFiledEvent;

/** `POST /internal/events` body and answer. */
export interface EventBatch {
  events: ServiceEvent[];
}
export interface EventBatchResult {
  /** Event ids applied now or earlier: the sender may forget them. */
  accepted: string[];
}

export const INTERNAL_EVENTS_PATH = '/internal/events';

/** `http://host:port/graphql` → `http://host:port/internal/events` */
export function eventsUrl(graphqlUrl: string): string {
  return new URL(INTERNAL_EVENTS_PATH, graphqlUrl).toString();
}
