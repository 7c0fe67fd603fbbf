import type { ComplaintHandlerChangedEvent, ComplaintStatusChangedEvent } from '../../../contracts/events';
import type { TokenService } from '../../../platform/auth';
import { eventBatchRoute } from '../../../platform/event-batch-route';
import type { RouteHandler } from '../../../platform/http-server';
import type { StatusChangesRepository } from './status-changes.repository';

/** `POST /internal/events`: status's outbox relay delivers handler and status changes here, with a `service` token. */
export function intakeEventsRoute(statusChanges: StatusChangesRepository, tokens: TokenService): RouteHandler {
  return eventBatchRoute(tokens, async (batch) => {
    const changes = batch.events.filter((e): e is ComplaintHandlerChangedEvent => e?.type === 'ComplaintHandlerChanged');
    const statuses = batch.events.filter((e): e is ComplaintStatusChangedEvent => e?.type === 'ComplaintStatusChanged');
    if (changes.length > 0) await statusChanges.applyHandlerChanges(changes);
    if (statuses.length > 0) await statusChanges.applyStatusChanges(statuses);
    return [...changes, ...statuses].map((e) => e.eventId);
  });
}
