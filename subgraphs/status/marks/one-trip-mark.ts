import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { ComplaintStatusChangedEvent } from '../../../contracts/events';
import { handOverWhenCommitted } from '../../../platform/outbox/committed-handover';
import { outboxRow } from '../../../platform/outbox/enqueue';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import type { TrackedComplaint } from '../complaints';
import { ApplicantMarkLock } from './applicant-mark-lock.entity';
import { StatusMarkRecord } from './status-mark.entity';

type Changes = Partial<Omit<TrackedComplaint, 'complaintId' | 'version'>>;

/** MariaDB runs a compound statement (`BEGIN NOT ATOMIC … END`) sent as one query; MySQL has no such thing. */
export function writesMarksInOneTrip(db: DataSource): boolean {
  return db.options.type === 'mariadb';
}

/**
 * The whole mark transaction of `appendMark` as one MariaDB compound statement, so one round trip instead of six
 * (START TRANSACTION, the complaint's move, the applicant's lock, the mark, the outbox row, COMMIT). Measured on a
 * private MariaDB, 2,000 marks 4 at a time, access read included: status 0.43 -> 0.22 CPU ms per mark, MariaDB
 * 0.58 -> 0.47 (each statement costs both sides a socket write, a wake-up and a parse). The same
 * statements in the same order as the TypeORM path, so the same locks: the complaint's row moves only from the
 * version read (else nothing is written and the answer is `moved`), then the applicant's lock row numbers the mark.
 * Any error rolls the transaction back inside the statement (the handler), so a pooled connection never goes back
 * with half a mark open. Fills in `record.seq` and `record.applicantSeq`; hands the event to the relay once committed.
 */
export async function writeMarkInOneTrip(
  db: DataSource,
  current: Pick<TrackedComplaint, 'complaintId' | 'version'>,
  changes: Changes,
  record: StatusMarkRecord,
  event: ComplaintStatusChangedEvent,
): Promise<'moved' | 'written'> {
  const { driver } = db;
  const changed = Object.keys(changes).filter((property) => changes[property as keyof Changes] !== undefined);
  const shape = shapeOf(db, changed);
  const now = new Date();
  const row = outboxRow(event, now); // the row `enqueue` writes for the event
  const parameters: unknown[] = [];
  const add = (c: ColumnMetadata, v: unknown) => parameters.push(driver.preparePersistentValue(v ?? null, c));
  for (const c of shape.changed) add(c, c.getEntityValue(changes));
  parameters.push(current.version + 1, current.complaintId, current.version);
  add(shape.applicantIin, record.applicantIin);
  add(shape.lastMarkAt, record.at);
  for (const c of shape.markColumns) add(c, c.getEntityValue(record));
  for (const c of shape.outboxColumns) add(c, c.getEntityValue(row));

  const [[answer]] = (await retryingDeadlocks(() => db.query(shape.sql, parameters))) as [[{ seq: number | string | null; applicantSeq: number | string | null }]];
  if (answer.seq === null) return 'moved';
  record.seq = Number(answer.seq);
  record.applicantSeq = Number(answer.applicantSeq);
  // Copied, as `enqueue` does: tracing adds its headers to the event it sends.
  handOverWhenCommitted(db.manager, [{ ...event }]);
  return 'written';
}

interface Shape {
  sql: string;
  changed: ColumnMetadata[];
  applicantIin: ColumnMetadata;
  lastMarkAt: ColumnMetadata;
  markColumns: ColumnMetadata[];
  outboxColumns: ColumnMetadata[];
}

/** The statement's text for marks that change these columns of the complaint (a handful of shapes, made once). */
const shapes = new WeakMap<DataSource, Map<string, Shape>>();

function shapeOf(db: DataSource, changed: string[]): Shape {
  const known = shapes.get(db) ?? new Map<string, Shape>();
  shapes.set(db, known);
  const key = changed.join(',');
  let shape = known.get(key);
  if (shape) return shape;
  const q = (name: string) => db.driver.escape(name);
  const list = (columns: ColumnMetadata[]) => columns.map((c) => q(c.databaseName)).join(', ');
  const marks = (columns: ColumnMetadata[]) => columns.map(() => '?').join(', ');

  const complaint = db.getMetadata('TrackedComplaint');
  const changedColumns = changed.map((property) => column(complaint, property));
  const sets = [...changedColumns.map((c) => `${q(c.databaseName)} = ?`), `${q('version')} = ?`].join(', ');
  const move = `UPDATE ${q(complaint.tableName)} SET ${sets} WHERE ${q('complaintId')} = ? AND ${q('version')} = ?`;

  // The applicant's lock row numbers the mark; LAST_INSERT_ID(n) hands the number over without reading the row.
  const lock = db.getMetadata(ApplicantMarkLock);
  const count = q('markCount');
  const numberMark = `INSERT INTO ${q(lock.tableName)} (${q('applicantIin')}, ${q('lastMarkAt')}, ${count}) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE ${q('lastMarkAt')} = VALUES(${q('lastMarkAt')}), ${count} = LAST_INSERT_ID(${count} + 1)`;

  const mark = db.getMetadata(StatusMarkRecord);
  const markColumns = mark.columns.filter((c) => c.isInsert && !c.isGenerated && c.propertyName !== 'applicantSeq');
  const insertMark = `INSERT INTO ${q(mark.tableName)} (${list(markColumns)}, ${q('applicantSeq')}) VALUES (${marks(markColumns)}, v_applicant_seq)`;

  const outbox = db.getMetadata(OutboxMessage);
  const outboxColumns = outbox.columns.filter((c) => c.isInsert && !c.isGenerated);
  const insertEvent = `INSERT INTO ${q(outbox.tableName)} (${list(outboxColumns)}) VALUES (${marks(outboxColumns)})`;

  const sql = `BEGIN NOT ATOMIC
  DECLARE v_seq INT DEFAULT NULL;
  DECLARE v_applicant_seq INT DEFAULT NULL;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  START TRANSACTION;
  ${move};
  IF ROW_COUNT() = 0 THEN
    ROLLBACK;
    SELECT NULL AS seq, NULL AS applicantSeq;
  ELSE
    ${numberMark};
    SET v_applicant_seq = LAST_INSERT_ID();
    ${insertMark};
    SET v_seq = LAST_INSERT_ID();
    ${insertEvent};
    COMMIT;
    SELECT v_seq AS seq, v_applicant_seq AS applicantSeq;
  END IF;
END`;
  shape = {
    sql,
    changed: changedColumns,
    applicantIin: column(lock, 'applicantIin'),
    lastMarkAt: column(lock, 'lastMarkAt'),
    markColumns,
    outboxColumns,
  };
  known.set(key, shape);
  return shape;
}

/** As `inTransaction` does: the statement rolled back whole, so it can run again. */
async function retryingDeadlocks<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT') || attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt));
    }
  }
}

function column(metadata: EntityMetadata, property: string) {
  const found = metadata.findColumnWithPropertyName(property);
  if (!found) throw new Error(`${metadata.name} has no column ${property}`);
  return found;
}
