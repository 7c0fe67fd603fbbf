import { Brackets, In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { inTransaction, isUniqueViolation } from '../../platform/database';
import { GroupCommit } from '../../platform/group-commit';
import type { ComplaintFiledEvent } from '../../platform/events';
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

  byNumber(number: string): Promise<ComplaintRecord | null> {
    return this.repo.findOneBy({ number });
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

  private filtered(scope: ViewerScope, f: ComplaintFilter): SelectQueryBuilder<ComplaintRecord> {
    const q = this.repo.createQueryBuilder('c').where('1 = 1');
    if (scope.kind === 'applicant') q.andWhere('c.applicantIin = :iin', { iin: scope.iin });
    if (scope.kind === 'staff') {
      const { providerId, handlerId } = scope;
      if (providerId === null && handlerId === null) q.andWhere('1 = 0');
      else {
        q.andWhere(
          new Brackets((b) => {
            if (providerId !== null) b.orWhere('c.serviceProviderId = :scopeProvider', { scopeProvider: providerId });
            if (handlerId !== null) b.orWhere('c.handlerId = :scopeHandler', { scopeHandler: handlerId });
          }),
        );
      }
    }
    if (f.serviceProviderId) q.andWhere('c.serviceProviderId = :serviceProviderId', { serviceProviderId: f.serviceProviderId });
    if (f.katoCode) q.andWhere('c.katoCode = :katoCode', { katoCode: f.katoCode });
    if (f.channel) q.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.addressee) q.andWhere('c.addressee = :addressee', { addressee: f.addressee });
    if (f.handlerId) q.andWhere('c.handlerId = :handlerId', { handlerId: f.handlerId });
    if (f.filedFrom) q.andWhere('c.filedOn >= :filedFrom', { filedFrom: f.filedFrom });
    if (f.filedTo) q.andWhere('c.filedOn <= :filedTo', { filedTo: f.filedTo });
    return q;
  }
}
