import type { DataSource } from 'typeorm';
import type { ComplaintFiledEvent } from '../../../contracts/events';
import { inTransaction, isUniqueViolation } from '../../../platform/database';
import { GroupCommit } from '../../../platform/group-commit';
import { enqueue } from '../../../platform/outbox/outbox-relay';
import { ComplaintFormerHolder } from '../access';
import { ComplaintRecord } from '../complaints';
import { insertRows } from '../../../platform/rows-insert';

/** A new complaint and its "filed" event: they commit together (transactional outbox). */
export interface NewFiling {
  record: ComplaintRecord;
  event: ComplaintFiledEvent;
}

/** TypeORM access for filing: the retry-key lookup and the filing's insert. */
export class FilingRepository {
  /** Concurrent filings share one transaction: a multi-row insert of complaints, then of their events. */
  private readonly filings = new GroupCommit<NewFiling>((batch) => this.insertAll(batch), isUniqueViolation);

  constructor(private readonly db: DataSource) {}

  /** The complaint an earlier filing stored under this filer's retry key. */
  byIdempotencyKey(idempotencyScope: string, idempotencyKey: string): Promise<ComplaintRecord | null> {
    return this.db.getRepository(ComplaintRecord).findOneBy({ idempotencyScope, idempotencyKey });
  }

  /** Resolves once the complaint and its event are committed; a unique-key clash rejects only its own filing. */
  insertWithEvent(filing: NewFiling): Promise<void> {
    return this.filings.submit(filing);
  }

  private insertAll(batch: NewFiling[]): Promise<void> {
    return inTransaction(this.db, async (em) => {
      await insertRows(em, ComplaintRecord, batch.map((f) => f.record));
      // The office that accepted a paper complaint keeps read access after it is forwarded on.
      const accepted = batch.filter((f) => f.event.acceptedById);
      if (accepted.length > 0) {
        await insertRows(
          em,
          ComplaintFormerHolder,
          accepted.map((f) => ({ complaintId: f.record.id, officialId: f.event.acceptedById!, bodyId: f.event.acceptedBodyId ?? null })),
        );
      }
      await enqueue(em, ...batch.map((f) => f.event));
    });
  }
}
