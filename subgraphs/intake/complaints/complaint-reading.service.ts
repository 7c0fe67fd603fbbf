import type { Clock } from '../../../platform/clock';
import { requireRole, type AuthState, type Principal, type Role } from '../../../platform/auth';
import { BadUserInput } from '../../../platform/errors';
import { kzDate } from '../../../platform/scalars';
import { decodeCursor, encodeCursor } from './complaint.cursor';
import type { ComplaintConnection } from './complaint-connection.type';
import type { ComplaintFilter } from './complaint-filter.input';
import { toComplaint } from './complaint.mapper';
import type { ComplaintRepository } from './complaint.repository';
import type { Complaint } from './complaint.type';
import { assertCanSee, canSee, scopeOf, type ViewerScope } from '../access';
import type { ComplaintRecord } from './complaint.entity';
import type { DirectoryClient } from '../clients';
import type { IntakeLoaders } from './complaint.loaders';
import { LIMITS } from '../validation';

export interface ReadingDeps {
  repository: ComplaintRepository;
  directory: DirectoryClient;
  /** "Now" for the overdue filter (tests set it). */
  clock: Clock;
}

/** Roles that may list complaints beyond their own (api.md: official, agency, admin; and the office clerk). */
const LISTING_ROLES: Role[] = ['clerk', 'official', 'agency', 'admin'];

/** Reading complaints, with who-sees-what applied (access/complaint.visibility). */
export class ComplaintReadingService {
  private scope?: Promise<ViewerScope>;

  constructor(
    private readonly deps: ReadingDeps,
    private readonly loaders: IntakeLoaders,
    private readonly auth: AuthState,
  ) {}

  /** A complaint by id: null when there is none, FORBIDDEN when it is someone else's. */
  async byId(id: string): Promise<Complaint | null> {
    const viewer = requireRole(this.auth);
    const record = await this.loaders.complaint.load(id);
    if (!record) return null;
    await this.assertVisible(viewer, record);
    return toComplaint(record, viewer);
  }

  /** By the complaint's number or its talon's number (office staff answer the applicant holding the talon). */
  async byNumber(number: string): Promise<Complaint | null> {
    const viewer = requireRole(this.auth);
    const record = await this.deps.repository.byNumber(number.trim());
    if (!record) return null;
    await this.assertVisible(viewer, record);
    return toComplaint(record, viewer);
  }

  /** Former holders are read only when the current holder does not already answer the question. */
  private async assertVisible(viewer: Principal, record: ComplaintRecord): Promise<void> {
    const scope = await this.viewerScope(viewer);
    if (canSee(scope, record, [])) return;
    const former = scope.kind === 'staff' ? await this.loaders.formerHolders.load(record.id) : [];
    assertCanSee(scope, record, former);
  }

  mine(first: number | null | undefined, after: string | null | undefined): Promise<ComplaintConnection> {
    const citizen = requireRole(this.auth, 'citizen');
    return this.page(citizen, {}, first, after);
  }

  list(filter: ComplaintFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const viewer = requireRole(this.auth, ...LISTING_ROLES);
    const f = filter ?? {};
    if (f.filedFrom && f.filedTo && f.filedFrom > f.filedTo) {
      throw new BadUserInput('filedFrom is after filedTo', 'filter.filedFrom');
    }
    if (f.reviewDueFrom && f.reviewDueTo && f.reviewDueFrom > f.reviewDueTo) {
      throw new BadUserInput('reviewDueFrom is after reviewDueTo', 'filter.reviewDueFrom');
    }
    return this.page(viewer, { ...f, today: kzDate(this.deps.clock.now()) }, first, after);
  }

  private async page(
    viewer: Principal,
    filter: ComplaintFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ComplaintConnection> {
    const { defaultFirst, maxFirst } = LIMITS.page;
    if (first != null && first < 0) throw new BadUserInput('first must not be negative', 'first');
    const take = Math.min(first ?? defaultFirst, maxFirst);
    const cursor = after ? decodeCursor(after) : null;
    const scope = await this.viewerScope(viewer);
    const { rows, totalCount } = await this.deps.repository.page(scope, filter, cursor, take + 1);
    const shown = rows.slice(0, take);
    const edges = shown.map((r) => ({ cursor: encodeCursor(r), node: toComplaint(r, viewer) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  /** Staff scope needs the caller's body (provider or akimat), which the directory knows (asked once per request). */
  private viewerScope(viewer: Principal): Promise<ViewerScope> {
    this.scope ??= (async () => {
      const staff = viewer.role === 'clerk' || viewer.role === 'official';
      const bodyId = staff ? await this.deps.directory.officialBody(viewer.officialId!) : null;
      return scopeOf(viewer, bodyId);
    })();
    return this.scope;
  }
}
