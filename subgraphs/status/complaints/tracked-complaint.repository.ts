import { In, type EntityManager } from 'typeorm';
import { TrackedComplaint } from './tracked-complaint.entity';

/** Queries of status's copy of each complaint. Made on `db.manager`, or on a transaction's manager to join it. */
export class TrackedComplaintRepository {
  constructor(private readonly em: EntityManager) {}

  byId(complaintId: string): Promise<TrackedComplaint | null> {
    return this.em.findOneBy(TrackedComplaint, { complaintId });
  }

  /** Which of `complaintIds` status tracks already. */
  async knownIds(complaintIds: string[]): Promise<Set<string>> {
    const known = await this.em.find(TrackedComplaint, { select: { complaintId: true }, where: { complaintId: In(complaintIds) } });
    return new Set(known.map((k) => k.complaintId));
  }

  async insert(rows: Partial<TrackedComplaint>[]): Promise<void> {
    await this.em.insert(TrackedComplaint, rows);
  }

  /**
   * Moves the complaint only from the version read (a conditional UPDATE); false when another write moved it
   * first.
   */
  async moveFrom(
    current: Pick<TrackedComplaint, 'complaintId' | 'version'>,
    changes: Partial<Omit<TrackedComplaint, 'complaintId' | 'version'>>,
  ): Promise<boolean> {
    const moved = await this.em
      .createQueryBuilder()
      .update(TrackedComplaint)
      .set({ ...changes, version: current.version + 1 })
      .where('complaintId = :complaintId AND version = :version', { complaintId: current.complaintId, version: current.version })
      .execute();
    return Boolean(moved.affected);
  }
}
