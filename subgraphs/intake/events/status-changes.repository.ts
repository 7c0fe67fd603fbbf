import type { DataSource } from 'typeorm';
import type { ComplaintHandlerChangedEvent, ComplaintStatusChangedEvent } from '../../../contracts/events';
import { inTransaction } from '../../../platform/database';
import { ComplaintFormerHolder } from '../access';
import { ComplaintRecord } from '../complaints';
import { statusCopyUpdates } from './status-copy.update';

/** TypeORM access for intake's copies of what status decides: the current holder, the status and its terms. */
export class StatusChangesRepository {
  constructor(private readonly db: DataSource) {}

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

  /** Applies status's copies of status and terms, each only when newer than what is stored (repeats change nothing). */
  async applyStatusChanges(events: ComplaintStatusChangedEvent[]): Promise<void> {
    const updates = statusCopyUpdates(events);
    // One statement (the usual batch) is atomic on its own: no BEGIN and COMMIT round trips around it.
    if (updates.length === 1) await this.db.query(updates[0].sql, updates[0].parameters);
    else {
      await inTransaction(this.db, async (em) => {
        for (const { sql, parameters } of updates) await em.query(sql, parameters);
      });
    }
  }
}
