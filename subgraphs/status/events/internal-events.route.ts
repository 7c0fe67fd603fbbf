import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import type { TokenService } from '../../../platform/auth';
import { eventBatchRoute } from '../../../platform/event-batch-route';
import type { ComplaintFiledEvent } from '../../../contracts/events';
import type { RouteHandler } from '../../../platform/http-server';
import { contextFrom, endSpan, inSpan, SpanKind, startSpan } from '../../../platform/tracing';
import { applyComplaintsFiled } from './complaint-filed.handler';
import type { StatusMarkRecord } from '../marks';

/** `POST /internal/events`: intake's outbox relay delivers here, with a `service` token. */
export function internalEventsRoute(
  db: DataSource,
  tokens: TokenService,
  onMark: (mark: StatusMarkRecord) => void,
  /** New complaints queue intake's first copy of their status (complaint-filed.handler): send it at once. */
  onEventsQueued?: () => void,
): RouteHandler {
  return eventBatchRoute(tokens, async (batch) => {
    const filed = batch.events.filter((e): e is ComplaintFiledEvent => e?.type === 'ComplaintFiled');
    // Traced: a span per event, in the trace that filed it (its traceparent rides in the event).
    const spans = filed.map((e) =>
      e.traceparent
        ? startSpan(`status handle ${e.type}`, { parent: contextFrom(e), kind: SpanKind.CONSUMER, attributes: { 'shagym.service': 'status', 'messaging.message.id': e.eventId } })
        : undefined,
    );
    let marks: StatusMarkRecord[];
    try {
      const first = spans.find(Boolean);
      const parent = first ? trace.setSpan(ROOT_CONTEXT, first) : undefined;
      marks = filed.length > 0 ? await inSpan('status apply events', { parent, attributes: { 'shagym.batch.size': filed.length } }, () => applyComplaintsFiled(db, filed)) : [];
    } catch (err) {
      spans.forEach((s) => endSpan(s, err));
      throw err;
    }
    spans.forEach((s) => endSpan(s));
    marks.forEach(onMark);
    if (marks.length > 0) onEventsQueued?.();
    return filed.map((e) => e.eventId);
  });
}
