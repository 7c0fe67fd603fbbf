import type { EntityManager } from 'typeorm';
import { selectRows } from '../../../platform/rows-select';
import { FormerHolder } from './former-holder.entity';

/** Queries of who held a complaint before. Made on `db.manager`, or on a transaction's manager to join it. */
export class FormerHolderRepository {
  constructor(private readonly em: EntityManager) {}

  ofComplaint(complaintId: string): Promise<FormerHolder[]> {
    return selectRows(this.em, FormerHolder, { complaintId }); // every access check reads it: plain SQL
  }

  async insert(rows: FormerHolder[]): Promise<void> {
    if (rows.length > 0) await this.em.insert(FormerHolder, rows);
  }

  /** Adds the holder unless it is on record already (an official may forward the same complaint twice). */
  async keep(row: FormerHolder): Promise<void> {
    await this.em.createQueryBuilder().insert().into(FormerHolder).values(row).orIgnore().execute();
  }
}
