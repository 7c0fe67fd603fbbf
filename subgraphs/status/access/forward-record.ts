import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ComplaintHandlerChangedEvent } from '../../../contracts/events';
import { enqueue } from '../../../platform/outbox/outbox-relay';
import type { TrackedComplaint } from '../complaints/tracked-complaint.entity';
import { FormerHolderRepository } from './former-holder.repository';

/**
 * In the FORWARDED mark's transaction: the forwarding official and body keep read access here, and intake learns
 * the complaint's new holder through the outbox (delivered at least once, applied once by version).
 */
export async function recordForward(
  em: EntityManager,
  before: TrackedComplaint,
  toHandlerId: string,
  toBodyId: string | null,
): Promise<void> {
  await new FormerHolderRepository(em).keep({ complaintId: before.complaintId, officialId: before.handlerId, bodyId: before.handlerBodyId });
  const event: ComplaintHandlerChangedEvent = {
    type: 'ComplaintHandlerChanged',
    eventId: randomUUID(),
    complaintId: before.complaintId,
    version: before.version + 1,
    fromHandlerId: before.handlerId,
    fromBodyId: before.handlerBodyId,
    toHandlerId,
    toBodyId,
  };
  await enqueue(em, event);
}
