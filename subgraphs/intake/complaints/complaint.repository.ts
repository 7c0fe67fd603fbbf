import { Brackets, In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { ComplaintFormerHolder, type ViewerScope } from '../access';
import type { ComplaintCursor } from './complaint.cursor';
import { ComplaintRecord } from './complaint.entity';
import type { ComplaintFilter } from './complaint-filter.input';

/** TypeORM reads of complaints: by id, by number, a visible and filtered page; and who held them before. */
export class ComplaintRepository {
  constructor(private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(ComplaintRecord);
  }

  /** One query for any number of ids (the reference resolver's batch). */
  byIds(ids: readonly string[]): Promise<ComplaintRecord[]> {
    return ids.length ? this.repo.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** By the complaint's number, or by its talon's (what the applicant holds of a paper complaint). */
  async byNumber(number: string): Promise<ComplaintRecord | null> {
    return (await this.repo.findOneBy({ number })) ?? (await this.repo.findOneBy({ talonNumber: number }));
  }

  /** Who held each complaint before (read access), for any number of complaints in one query. */
  formerHolders(complaintIds: readonly string[]): Promise<ComplaintFormerHolder[]> {
    return complaintIds.length
      ? this.db.getRepository(ComplaintFormerHolder).findBy({ complaintId: In([...complaintIds]) })
      : Promise.resolve([]);
  }

  /** Up to `take` complaints after the cursor, newest first (keyset: submittedAt desc, id desc), and the total. */
  async page(
    scope: ViewerScope,
    filter: ComplaintFilter,
    after: ComplaintCursor | null,
    take: number,
  ): Promise<{ rows: ComplaintRecord[]; totalCount: number }> {
    const base = () => this.filtered(scope, filter);
    const paged = base().orderBy('c.submittedAt', 'DESC').addOrderBy('c.id', 'DESC').take(take);
    if (after) {
      paged.andWhere(
        new Brackets((q) =>
          q
            .where('c.submittedAt < :afterAt', { afterAt: after.submittedAt })
            .orWhere(new Brackets((q2) => q2.where('c.submittedAt = :afterAt').andWhere('c.id < :afterId', { afterId: after.id }))),
        ),
      );
    }
    const [rows, totalCount] = await Promise.all([take > 0 ? paged.getMany() : Promise.resolve([]), base().getCount()]);
    return { rows, totalCount };
  }

  private filtered(scope: ViewerScope, f: ComplaintFilter): SelectQueryBuilder<ComplaintRecord> {
    const q = this.repo.createQueryBuilder('c').where('1 = 1');
    if (scope.kind === 'applicant') q.andWhere('c.applicantIin = :iin', { iin: scope.iin });
    if (scope.kind === 'none') q.andWhere('1 = 0');
    if (scope.kind === 'staff') {
      // access/complaint.visibility's rule in SQL: with me or my body now, or held by me or my body before.
      const { officialId, bodyId } = scope;
      const held = this.db
        .getRepository(ComplaintFormerHolder)
        .createQueryBuilder('h')
        .select('1')
        .where('h.complaintId = c.id')
        .andWhere(
          new Brackets((b) => {
            b.where('h.officialId = :scopeOfficial');
            if (bodyId !== null) b.orWhere('h.bodyId = :scopeBody');
          }),
        );
      q.andWhere(
        new Brackets((b) => {
          b.where('c.currentHandlerId = :scopeOfficial', { scopeOfficial: officialId });
          if (bodyId !== null) b.orWhere('c.currentBodyId = :scopeBody', { scopeBody: bodyId });
          b.orWhere(`EXISTS (${held.getQuery()})`);
        }),
      );
    }
    if (f.serviceProviderId) q.andWhere('c.serviceProviderId = :serviceProviderId', { serviceProviderId: f.serviceProviderId });
    if (f.katoCode) q.andWhere('c.katoCode = :katoCode', { katoCode: f.katoCode });
    if (f.channel) q.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.addressee) q.andWhere('c.addressee = :addressee', { addressee: f.addressee });
    if (f.handlerId) q.andWhere('c.handlerId = :handlerId', { handlerId: f.handlerId });
    if (f.filedFrom) q.andWhere('c.filedOn >= :filedFrom', { filedFrom: f.filedFrom });
    if (f.filedTo) q.andWhere('c.filedOn <= :filedTo', { filedTo: f.filedTo });
    // Status's copy (ComplaintStatusChanged events): eventually consistent with the timeline.
    if (f.status) q.andWhere('c.status = :status', { status: f.status });
    if (f.currentHandlerId) q.andWhere('c.currentHandlerId = :currentHandlerId', { currentHandlerId: f.currentHandlerId });
    if (f.currentBodyId) q.andWhere('c.currentBodyId = :currentBodyId', { currentBodyId: f.currentBodyId });
    if (f.reviewDueFrom) q.andWhere('c.reviewDueOn >= :reviewDueFrom', { reviewDueFrom: f.reviewDueFrom });
    if (f.reviewDueTo) q.andWhere('c.reviewDueOn <= :reviewDueTo', { reviewDueTo: f.reviewDueTo });
    if (f.overdue != null) {
      // Status's overdueReason (complaint-terms.ts), as of today: its `overdueFrom` has passed (registration,
      // forwarding or review); rows from before status sent it: the review term passed (the REVIEW rule).
      const overdue =
        '(c.overdueFrom IS NOT NULL AND c.overdueFrom <= :today) OR (c.reviewDueOn IS NOT NULL AND COALESCE(c.closedOn, :today) > c.reviewDueOn)';
      q.andWhere(f.overdue ? `(${overdue})` : `NOT (${overdue})`, { today: f.today });
    }
    return q;
  }
}
