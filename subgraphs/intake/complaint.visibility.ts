import type { Principal } from '../../platform/auth';
import { Forbidden } from '../../platform/errors';
import type { ComplaintRecord } from './complaint.entity';

/**
 * Which complaints a caller may read (shared/domain.md, Personal data): an applicant only their own; a clerk
 * or official those of their provider, an official also those they handle; agency and admin all (the agency
 * with masked personal data, see complaint.mapper).
 */
export type ViewerScope =
  | { kind: 'all' }
  | { kind: 'applicant'; iin: string }
  | { kind: 'staff'; providerId: string | null; handlerId: string | null };

export function scopeOf(viewer: Principal, providerId: string | null): ViewerScope {
  switch (viewer.role) {
    case 'citizen':
      return { kind: 'applicant', iin: viewer.iin! };
    case 'clerk':
      return { kind: 'staff', providerId, handlerId: null };
    case 'official':
      return { kind: 'staff', providerId, handlerId: viewer.officialId! };
    default:
      return { kind: 'all' }; // agency, admin, and our own services
  }
}

/** Whether the scope covers the complaint. */
export function canSee(scope: ViewerScope, r: Pick<ComplaintRecord, 'applicantIin' | 'serviceProviderId' | 'handlerId'>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'applicant') return r.applicantIin === scope.iin;
  return (scope.providerId !== null && r.serviceProviderId === scope.providerId) || (scope.handlerId !== null && r.handlerId === scope.handlerId);
}

export function assertCanSee(scope: ViewerScope, r: ComplaintRecord): void {
  if (canSee(scope, r)) return;
  throw new Forbidden(
    scope.kind === 'applicant'
      ? 'This complaint belongs to another applicant'
      : 'This complaint is neither of your service provider nor handled by you',
  );
}
