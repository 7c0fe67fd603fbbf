import { Forbidden, NotFound } from '../../platform/errors';
import { bodyOf, type StatusDirectoryClient } from './directory.client';
import type { TrackedComplaint } from './tracked-complaint.entity';

/**
 * Who may move a complaint on: its current handler, or any active official of the handler's body (the same
 * provider, or the same akimat), so a colleague can act while the handler is away. A forwarded complaint's new
 * handler and body take over. The directory decides an official's body and whether they are active.
 */
export async function mayActOn(
  tracked: TrackedComplaint,
  officialId: string,
  directory: StatusDirectoryClient,
): Promise<boolean> {
  if (tracked.handlerId === officialId) return true;
  if (!tracked.handlerBodyId) return false;
  const official = await directory.official(officialId);
  return !!official && official.active && bodyOf(official) === tracked.handlerBodyId;
}

export async function requireMayActOn(
  tracked: TrackedComplaint | null,
  complaintId: string,
  officialId: string,
  directory: StatusDirectoryClient,
): Promise<TrackedComplaint> {
  if (!tracked) throw new NotFound('Complaint', complaintId);
  if (!(await mayActOn(tracked, officialId, directory))) {
    throw new Forbidden("Only the complaint's handler or an official of the handler's body may do this");
  }
  return tracked;
}
