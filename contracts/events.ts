import type { Addressee, Channel, ReviewBodyKind, StatusMarkKind } from './enums';

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
  /** Office channel: the clerk who accepted the paper complaint and their body, who keep read access. */
  acceptedById?: string | null;
  acceptedBodyId?: string | null;
  /** Surname, name, patronymic: status masks them in the notes the agency reads (depersonalised view). */
  applicantNames?: (string | null)[];
  /** W3C trace context of the request that caused the event (only when tracing is on; see platform/tracing.ts). */
  traceparent?: string;
  tracestate?: string;
}

/**
 * Status → intake, written in the same transaction as a FORWARDED mark: the complaint now sits with another
 * official and body, and the one that forwarded it keeps read access. `version` is the complaint's mark version
 * after the forward: intake applies an event only when it is newer than what it has, so repeats and late
 * deliveries change nothing.
 */
export interface ComplaintHandlerChangedEvent {
  type: 'ComplaintHandlerChanged';
  eventId: string;
  complaintId: string;
  version: number;
  fromHandlerId: string;
  fromBodyId: string | null;
  toHandlerId: string;
  toBodyId: string | null;
  /** W3C trace context (only when tracing is on; see platform/tracing.ts). */
  traceparent?: string;
  tracestate?: string;
}

/**
 * Status → intake, in every mark's transaction: the complaint's status and terms as they are now, so intake's
 * staff lists can filter by status, overdue and due date. Applied only when newer (`version`) than what intake has.
 */
export interface ComplaintStatusChangedEvent {
  type: 'ComplaintStatusChanged';
  eventId: string;
  complaintId: string;
  version: number;
  status: StatusMarkKind;
  reviewDueOn: string | null;
  closedOn: string | null;
  /**
   * The first day the complaint counts as overdue as it stands (status/complaint-terms.ts `overdueFrom`), null when
   * it never will without another mark; absent from events sent before it existed.
   */
  overdueFrom?: string | null;
  /** W3C trace context (only when tracing is on; see platform/tracing.ts). */
  traceparent?: string;
  tracestate?: string;
}

export type ServiceEvent = ComplaintFiledEvent | ComplaintHandlerChangedEvent | ComplaintStatusChangedEvent;

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
