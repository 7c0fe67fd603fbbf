import type { TokenService } from '../../platform/auth';
import { eventBatchRoute } from '../../platform/event-batch-route';
import type { ComplaintHandlerChangedEvent, ComplaintStatusChangedEvent } from '../../contracts/events';
import type { RouteHandler } from '../../platform/http-server';
import type { ComplaintRepository } from './complaint.repository';

/** `POST /internal/events`: status's outbox relay delivers handler and status changes here, with a `service` token. */
export function intakeEventsRoute(repository: ComplaintRepository, tokens: TokenService): RouteHandler {
  return eventBatchRoute(tokens, async (batch) => {
    const changes = batch.events.filter((e): e is ComplaintHandlerChangedEvent => e?.type === 'ComplaintHandlerChanged');
    const statuses = batch.events.filter((e): e is ComplaintStatusChangedEvent => e?.type === 'ComplaintStatusChanged');
    if (changes.length > 0) await repository.applyHandlerChanges(changes);
    if (statuses.length > 0) await repository.applyStatusChanges(statuses);
    return [...changes, ...statuses].map((e) => e.eventId);
  });
}
