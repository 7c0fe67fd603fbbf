import { Brackets, In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { inTransaction, isUniqueViolation } from '../../platform/database';
import { GroupCommit } from '../../platform/group-commit';
import type { ComplaintFiledEvent, ComplaintHandlerChangedEvent, ComplaintStatusChangedEvent } from '../../contracts/events';
import { ComplaintFormerHolder } from './access/complaint-holder.entity';
import { enqueue } from '../../platform/outbox/outbox-relay';
import type { ComplaintCursor } from './complaint.cursor';
import { ComplaintRecord } from './complaint.entity';
import type { ComplaintFilter } from './complaint-filter.input';
import type { ViewerScope } from './complaint.visibility';

/** TypeORM access to the complaint table. */
export class ComplaintRepository {
  /** Concurrent filings share one transaction: a multi-row insert of complaints, then of their events. */
  private readonly filings = new GroupCommit<{ record: ComplaintRecord; event: ComplaintFiledEvent }>(
    (batch) =>
      inTransaction(this.db, async (em) => {
        await em.insert(ComplaintRecord, batch.map((f) => f.record));
        const accepted = batch.filter((f) => f.event.acceptedById);
        if (accepted.length > 0) {
          await em.insert(
            ComplaintFormerHolder,
            accepted.map((f) => ({ complaintId: f.record.id, officialId: f.event.acceptedById!, bodyId: f.event.acceptedBodyId ?? null })),
          );
        }
        await enqueue(em, ...batch.map((f) => f.event));
      }),
    isUniqueViolation,
  );

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

  /**
   * Applies status's handler changes: the new holder replaces the current one only when the event is newer than
   * the last applied (by status's version), and the former holder keeps read access. Repeats change nothing.
   */
  async applyHandlerChanges(events: ComplaintHandlerChangedEvent[]): Promise<void> {
    await inTransaction(this.db, async (em) => {
      for (const e of events) {
        await em
          .createQueryBuilder()
          .insert()
          .into(ComplaintFormerHolder)
          .values({ complaintId: e.complaintId, officialId: e.fromHandlerId, bodyId: e.fromBodyId })
          .orIgnore()
          .execute();
        await em
          .createQueryBuilder()
          .update(ComplaintRecord)
          .set({ currentHandlerId: e.toHandlerId, currentBodyId: e.toBodyId, holderVersion: e.version })
          .where('id = :id AND holderVersion < :version', { id: e.complaintId, version: e.version })
          .execute();
      }
    });
  }

  byIdempotencyKey(idempotencyScope: string, idempotencyKey: string): Promise<ComplaintRecord | null> {
    return this.repo.findOneBy({ idempotencyScope, idempotencyKey });
  }

  /** The complaint and its "filed" event commit together (transactional outbox); resolves once committed. */
  insertWithEvent(record: ComplaintRecord, event: ComplaintFiledEvent): Promise<void> {
    return this.filings.submit({ record, event });
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

  /** Applies status's copies of status and terms, each only when newer than what is stored (repeats change nothing). */
  async applyStatusChanges(events: ComplaintStatusChangedEvent[]): Promise<void> {
    await inTransaction(this.db, async (em) => {
      for (const e of events) {
        await em
          .createQueryBuilder()
          .update(ComplaintRecord)
          .set({
            status: e.status,
            reviewDueOn: e.reviewDueOn,
            closedOn: e.closedOn,
            ...(e.overdueFrom !== undefined ? { overdueFrom: e.overdueFrom } : {}),
            statusVersion: e.version,
          })
          .where('id = :id AND statusVersion < :version', { id: e.complaintId, version: e.version })
          .execute();
      }
    });
  }

  private filtered(scope: ViewerScope, f: ComplaintFilter): SelectQueryBuilder<ComplaintRecord> {
    const q = this.repo.createQueryBuilder('c').where('1 = 1');
    if (scope.kind === 'applicant') q.andWhere('c.applicantIin = :iin', { iin: scope.iin });
    if (scope.kind === 'none') q.andWhere('1 = 0');
    if (scope.kind === 'staff') {
      // complaint.visibility's rule in SQL: with me or my body now, or held by me or my body before.
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
