import type { Principal } from '../../../platform/auth';
import { Forbidden } from '../../../platform/errors';
import type { ComplaintFormerHolder } from './complaint-holder.entity';
import type { ComplaintRecord } from '../complaints';

/**
 * Which complaints a caller may read (shared/domain.md, Personal data; README "Who sees and does what"): an
 * applicant only their own; a clerk or official those now with them or with their body (a provider or an akimat),
 * and those they or their body held before (forwarded on, or accepted on paper); agency and admin all (the agency
 * depersonalised, see complaint.mapper). Status applies the same rule (subgraphs/status/access).
 */
export type ViewerScope =
  | { kind: 'all' }
  | { kind: 'applicant'; iin: string }
  | { kind: 'staff'; officialId: string; bodyId: string | null }
  | { kind: 'none' };

/** `bodyId` undefined: the directory does not know the clerk or official as active, so they see nothing. */
export function scopeOf(viewer: Principal, bodyId: string | null | undefined): ViewerScope {
  switch (viewer.role) {
    case 'citizen':
      return { kind: 'applicant', iin: viewer.iin! };
    case 'clerk':
    case 'official':
      return bodyId === undefined || !viewer.officialId ? { kind: 'none' } : { kind: 'staff', officialId: viewer.officialId, bodyId };
    default:
      return { kind: 'all' }; // agency, admin, and our own services
  }
}

type Holding = Pick<ComplaintRecord, 'applicantIin' | 'handlerId' | 'handlerBodyId' | 'currentHandlerId' | 'currentBodyId'>;

/** The current holder: the copy from status, or the one chosen at filing until a handler change arrives. */
export function currentHolder(r: Holding): { handlerId: string; bodyId: string | null } {
  return r.currentHandlerId ? { handlerId: r.currentHandlerId, bodyId: r.currentBodyId } : { handlerId: r.handlerId, bodyId: r.handlerBodyId };
}

/** Whether the scope covers the complaint. */
export function canSee(scope: ViewerScope, r: Holding, formerHolders: Pick<ComplaintFormerHolder, 'officialId' | 'bodyId'>[]): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  if (scope.kind === 'applicant') return r.applicantIin === scope.iin;
  const now = currentHolder(r);
  if (now.handlerId === scope.officialId) return true;
  if (scope.bodyId !== null && now.bodyId === scope.bodyId) return true;
  return formerHolders.some((h) => h.officialId === scope.officialId || (scope.bodyId !== null && h.bodyId === scope.bodyId));
}

export function assertCanSee(scope: ViewerScope, r: Holding, formerHolders: Pick<ComplaintFormerHolder, 'officialId' | 'bodyId'>[]): void {
  if (canSee(scope, r, formerHolders)) return;
  throw new Forbidden(
    scope.kind === 'applicant'
      ? 'This complaint belongs to another applicant'
      : 'This complaint is neither with you nor with your body, nor did you hold it before',
  );
}
