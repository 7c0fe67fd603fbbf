import type { RouteHandler } from '../../platform/http-server';
import { sendJson } from '../../platform/http-server';
import type { TokenService } from '../../platform/auth';
import type { ComplaintFiledEvent, EventBatch, EventBatchResult } from '../../platform/events';
import type { DataSource } from 'typeorm';
import { applyComplaintsFiled } from './complaint-filed.handler';
import type { StatusMarkRecord } from './status-mark.entity';

/** `POST /internal/events`: intake's outbox relay delivers here, with a `service` token. */
export function internalEventsRoute(
  db: DataSource,
  tokens: TokenService,
  onMark: (mark: StatusMarkRecord) => void,
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
    const marks = filed.length > 0 ? await applyComplaintsFiled(db, filed) : [];
    marks.forEach(onMark);
    const result: EventBatchResult = { accepted: filed.map((e) => e.eventId) };
    sendJson(res, 200, result);
  };
}
