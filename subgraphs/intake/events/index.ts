/** Intake's durable messages: the ComplaintFiled event it sends (outbox), and status's changes it receives. */
export { complaintFiledEvent } from './complaint-filed.event';
export { intakeEventsRoute } from './internal-events.route';
export { StatusChangesRepository } from './status-changes.repository';
export { statusRelay } from './status-relay';
