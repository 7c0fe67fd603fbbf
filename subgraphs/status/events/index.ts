/** Events between subgraphs: intake's ComplaintFiled in (`POST /internal/events`), status's outbox out to intake. */
export { applyComplaintsFiled } from './complaint-filed.handler';
export { intakeEventsRelay } from './intake-events.relay';
export { internalEventsRoute } from './internal-events.route';
