import { In, type EntityManager } from 'typeorm';
import { selectRows } from '../../../platform/rows-select';
import { TrackedComplaint } from './tracked-complaint.entity';

/** Queries of status's copy of each complaint. Made on `db.manager`, or on a transaction's manager to join it. */
export class TrackedComplaintRepository {
  constructor(private readonly em: EntityManager) {}

  async byId(complaintId: string): Promise<TrackedComplaint | null> {
    const [row] = await selectRows(this.em, TrackedComplaint, { complaintId }); // every mark reads it: plain SQL
    return row ?? null;
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
   * first. Plain SQL, each value converted by the driver (dates, JSON): TypeORM's update builder cost more CPU per
   * mark than the database spends on the statement.
   */
  async moveFrom(
    current: Pick<TrackedComplaint, 'complaintId' | 'version'>,
    changes: Partial<Omit<TrackedComplaint, 'complaintId' | 'version'>>,
  ): Promise<boolean> {
    const { driver } = this.em.connection;
    const metadata = this.em.connection.getMetadata(TrackedComplaint);
    const sets: string[] = [];
    const parameters: unknown[] = [];
    for (const [property, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`TrackedComplaint has no column ${property}`);
      sets.push(`${driver.escape(column.databaseName)} = ?`);
      parameters.push(driver.preparePersistentValue(value, column));
    }
    const version = driver.escape('version');
    sets.push(`${version} = ?`);
    parameters.push(current.version + 1, current.complaintId, current.version);
    const sql = `UPDATE ${driver.escape(metadata.tableName)} SET ${sets.join(', ')} WHERE ${driver.escape('complaintId')} = ? AND ${version} = ?`;
    // The structured answer: SQLite's plain one is the last rowid, not the rows changed.
    const runner = this.em.queryRunner ?? this.em.connection.createQueryRunner();
    try {
      return Boolean((await runner.query(sql, parameters, true)).affected);
    } finally {
      if (!this.em.queryRunner) await runner.release();
    }
  }
}
