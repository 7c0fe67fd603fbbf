import type { RouteHandler } from '../../platform/http-server';
import { sendJson } from '../../platform/http-server';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { TokenService } from '../../platform/auth';
import { contextFrom, endSpan, inSpan, SpanKind, startSpan } from '../../platform/tracing';
import type { ComplaintFiledEvent, EventBatch, EventBatchResult } from '../../platform/events';
import type { DataSource } from 'typeorm';
import { applyComplaintsFiled } from './complaint-filed.handler';
import type { StatusMarkRecord } from './status-mark.entity';

/** `POST /internal/events`: intake's outbox relay delivers here, with a `service` token. */
export function internalEventsRoute(
  db: DataSource,
  tokens: TokenService,
  onMark: (mark: StatusMarkRecord) => void,
  /** New complaints queue intake's first copy of their status (complaint-filed.handler): send it at once. */
  onEventsQueued?: () => void,
): RouteHandler {
  return async (req, res, body) => {
    const auth = await tokens.authenticate(req.headers.authorization);
    if (auth.principal?.role !== 'service') return sendJson(res, 401, { error: 'A service token is required' });
    let batch: EventBatch;
    try {
      batch = JSON.parse(body) as EventBatch;
      if (!Array.isArray(batch.events)) throw new Error('events must be a list');
    } catch (err) {
      return sendJson(res, 400, { error: (err as Error).message });
    }
    const filed = batch.events.filter((e): e is ComplaintFiledEvent => e.type === 'ComplaintFiled');
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
    const result: EventBatchResult = { accepted: filed.map((e) => e.eventId) };
    sendJson(res, 200, result);
  };
}
