import type { DataSource } from 'typeorm';
import { requireRole, type AuthState, type Principal, type Role } from '../../../platform/auth';
import { Forbidden, NotFound } from '../../../platform/errors';
import { bodyOf, type StatusDirectoryClient } from '../clients/directory.client';
import type { TrackedComplaint } from '../complaints/tracked-complaint.entity';
import type { FormerHolder } from './former-holder.entity';
import { FormerHolderRepository } from './former-holder.repository';

/** What a caller may do with one complaint. */
export type Access = 'act' | 'read' | 'none';

/** A clerk or official as the directory knows them now. */
export interface StaffMember {
  officialId: string;
  bodyId: string | null;
  active: boolean;
}

/**
 * The access rule for staff (README, "Who sees and does what"), the same in every subgraph: the current handler and
 * the active staff of the current handler's body (a provider, or an akimat) read and act; an official or body that
 * held the complaint before (forwarded it, or accepted it on paper) reads it; nobody else.
 */
export function staffAccess(
  tracked: Pick<TrackedComplaint, 'handlerId' | 'handlerBodyId'>,
  formerHolders: Pick<FormerHolder, 'officialId' | 'bodyId'>[],
  staff: StaffMember,
): Access {
  if (!staff.active) return 'none';
  if (tracked.handlerId === staff.officialId) return 'act';
  if (staff.bodyId !== null && tracked.handlerBodyId === staff.bodyId) return 'act';
  const held = formerHolders.some((h) => h.officialId === staff.officialId || (staff.bodyId !== null && h.bodyId === staff.bodyId));
  return held ? 'read' : 'none';
}

/**
 * Per-request access checks of the status subgraph, for every entry point (Complaint fields, `_entities` of
 * complaints and marks, mutations, subscriptions): status never answers more than the gateway path would.
 */
export class ComplaintAccess {
  private member?: Promise<StaffMember | null>;

  constructor(
    private readonly db: DataSource,
    private readonly directory: StatusDirectoryClient,
    private readonly auth: AuthState,
  ) {}

  /** The calling clerk or official, asked of the directory once per request. */
  staff(viewer: Principal): Promise<StaffMember | null> {
    this.member ??= (async () => {
      const official = await this.directory.official(viewer.officialId!);
      if (!official) return null;
      return { officialId: official.id, bodyId: bodyOf(official), active: official.active };
    })();
    return this.member;
  }

  formerHolders(complaintId: string): Promise<FormerHolder[]> {
    return new FormerHolderRepository(this.db.manager).ofComplaint(complaintId);
  }

  async accessOf(viewer: Principal, tracked: TrackedComplaint): Promise<Access> {
    switch (viewer.role) {
      case 'citizen':
        return tracked.applicantIin === viewer.iin ? 'read' : 'none';
      case 'clerk':
      case 'official': {
        const staff = viewer.officialId ? await this.staff(viewer) : null;
        if (!staff) return 'none';
        // Former holders only ever grant 'read': they are read only when the current holder does not decide.
        const asCurrent = staffAccess(tracked, [], staff);
        if (asCurrent === 'act' || !staff.active) return asCurrent;
        return staffAccess(tracked, await this.formerHolders(tracked.complaintId), staff);
      }
      default:
        return 'read'; // agency (depersonalised), admin, our own services
    }
  }

  /** FORBIDDEN unless the caller may read the complaint. */
  async requireRead(tracked: TrackedComplaint): Promise<void> {
    const viewer = requireRole(this.auth);
    if ((await this.accessOf(viewer, tracked)) !== 'none') return;
    throw new Forbidden(
      viewer.role === 'citizen'
        ? 'This complaint belongs to another applicant'
        : "This complaint is neither with you nor with your body, nor did you hold it before",
    );
  }

  /** The caller, in one of `roles`, allowed to act on the complaint (its handler, or staff of the handler's body). */
  async requireAct(tracked: TrackedComplaint | null, complaintId: string, ...roles: Role[]): Promise<Principal> {
    const viewer = requireRole(this.auth, ...roles);
    if (!tracked) throw new NotFound('Complaint', complaintId);
    if ((await this.accessOf(viewer, tracked)) !== 'act') {
      throw new Forbidden("Only the complaint's current handler or the staff of the handler's body may do this");
    }
    return viewer;
  }
}
