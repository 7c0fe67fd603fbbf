import type { TokenService } from '../../platform/auth';
import type { ComplaintHandlerChangedEvent, ComplaintStatusChangedEvent, EventBatch, EventBatchResult } from '../../platform/events';
import { sendJson, type RouteHandler } from '../../platform/http-server';
import type { ComplaintRepository } from './complaint.repository';

/** `POST /internal/events`: status's outbox relay delivers handler and status changes here, with a `service` token. */
export function intakeEventsRoute(repository: ComplaintRepository, tokens: TokenService): RouteHandler {
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
    const changes = batch.events.filter((e): e is ComplaintHandlerChangedEvent => e?.type === 'ComplaintHandlerChanged');
    const statuses = batch.events.filter((e): e is ComplaintStatusChangedEvent => e?.type === 'ComplaintStatusChanged');
    if (changes.length > 0) await repository.applyHandlerChanges(changes);
    if (statuses.length > 0) await repository.applyStatusChanges(statuses);
    const result: EventBatchResult = { accepted: [...changes, ...statuses].map((e) => e.eventId) };
    sendJson(res, 200, result);
  };
}
