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

/** One mark to write: the complaint as read, its changes, the mark row and its event; `outcome` once decided. */
export interface OneTripMark {
  current: Pick<TrackedComplaint, 'complaintId' | 'version' | 'applicantIin'>;
  changes: Changes;
  record: StatusMarkRecord;
  event: ComplaintStatusChangedEvent;
  outcome?: 'moved' | 'written';
}

/**
 * The whole mark transaction of `appendMark`, for one mark or several, as one MariaDB compound statement and one
 * transaction: one round trip instead of six per mark (START TRANSACTION, the complaint's move, the applicant's lock,
 * the mark, the outbox row, COMMIT), and one commit for the group. Each complaint's row moves only from the version
 * read; a mark whose row moved since writes nothing (`moved`) and the others go on. Then each written mark's
 * applicant lock row numbers it, so two marks of one applicant in a group number consecutively.
 *
 * Lock order, whatever the group: the complaints' rows first, by id, then the applicants' lock rows, by IIN, so
 * two groups never wait for each other in a cycle (a lone mark is the same order: its complaint, then its applicant).
 * Any error rolls the whole transaction back inside the statement (the handler), so a pooled connection never goes
 * back with half a group open. Fills in each written `record.seq` and `record.applicantSeq`; hands the events to the
 * relay once committed.
 */
export async function writeMarksInOneTrip(db: DataSource, marks: OneTripMark[]): Promise<void> {
  const { driver } = db;
  const now = new Date();
  const parameters: unknown[] = [];
  const add = (c: ColumnMetadata, v: unknown) => parameters.push(driver.preparePersistentValue(v ?? null, c));
  const shaped = marks.map((mark, i) => ({ mark, i, shape: shapeOf(db, changedOf(mark.changes)) }));
  const byComplaint = [...shaped].sort((a, b) => compare(a.mark.current.complaintId, b.mark.current.complaintId));
  const byApplicant = [...shaped].sort(
    (a, b) => compare(a.mark.current.applicantIin, b.mark.current.applicantIin) || compare(a.mark.current.complaintId, b.mark.current.complaintId),
  );

  const moves = byComplaint.map(({ mark, i, shape }) => {
    for (const c of shape.changed) add(c, c.getEntityValue(mark.changes));
    parameters.push(mark.current.version + 1, mark.current.complaintId, mark.current.version);
    return `${shape.move};\n  SET v_m${i} = ROW_COUNT();`;
  });
  const writes = byApplicant.map(({ mark, i, shape }) => {
    const row = outboxRow(mark.event, now); // the row `enqueue` writes for the event
    add(shape.applicantIin, mark.record.applicantIin);
    add(shape.lastMarkAt, mark.record.at);
    for (const c of shape.markColumns) add(c, c.getEntityValue(mark.record));
    for (const c of shape.outboxColumns) add(c, c.getEntityValue(row));
    return `IF v_m${i} > 0 THEN
    ${shape.numberMark};
    SET v_a${i} = LAST_INSERT_ID();
    ${shape.insertMark.replace('v_applicant_seq', `v_a${i}`)};
    SET v_s${i} = LAST_INSERT_ID();
    ${shape.insertEvent};
  END IF;`;
  });
  const sql = `BEGIN NOT ATOMIC
  ${marks.map((_, i) => `DECLARE v_m${i} INT DEFAULT 0; DECLARE v_s${i} INT DEFAULT NULL; DECLARE v_a${i} INT DEFAULT NULL;`).join('\n  ')}
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  START TRANSACTION;
  ${moves.join('\n  ')}
  ${writes.join('\n  ')}
  COMMIT;
  SELECT ${marks.map((_, i) => `v_s${i} AS s${i}, v_a${i} AS a${i}`).join(', ')};
END`;

  const [[answer]] = (await retryingDeadlocks(() => db.query(sql, parameters))) as [[Record<string, number | string | null>]];
  const committed: ComplaintStatusChangedEvent[] = [];
  marks.forEach((mark, i) => {
    if (answer[`s${i}`] === null) return void (mark.outcome = 'moved');
    mark.record.seq = Number(answer[`s${i}`]);
    mark.record.applicantSeq = Number(answer[`a${i}`]);
    mark.outcome = 'written';
    // Copied, as `enqueue` does: tracing adds its headers to the event it sends.
    committed.push({ ...mark.event });
  });
  if (committed.length > 0) handOverWhenCommitted(db.manager, committed);
}

function changedOf(changes: Changes): string[] {
  return Object.keys(changes).filter((property) => changes[property as keyof Changes] !== undefined);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Shape {
  move: string;
  numberMark: string;
  insertMark: string;
  insertEvent: string;
  changed: ColumnMetadata[];
  applicantIin: ColumnMetadata;
  lastMarkAt: ColumnMetadata;
  markColumns: ColumnMetadata[];
  outboxColumns: ColumnMetadata[];
}

/** The statements' text for a mark that changes these columns of the complaint (a handful of shapes, made once). */
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

  shape = {
    move,
    numberMark,
    insertMark,
    insertEvent,
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
