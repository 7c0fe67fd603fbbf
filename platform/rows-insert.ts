import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { preparedQuery as run } from './prepared-query';

interface InsertShape {
  columns: ColumnMetadata[];
  /** `INSERT INTO t (a, b) VALUES ` */
  prefix: string;
  /** `(?, ?)` */
  row: string;
}

const shapes = new WeakMap<EntityMetadata, InsertShape>();

function shapeOf(em: EntityManager, metadata: EntityMetadata): InsertShape {
  let shape = shapes.get(metadata);
  if (!shape) {
    const { driver } = em.connection;
    const columns = metadata.columns.filter((c) => c.isInsert && !c.isGenerated && !c.isVirtual);
    shape = {
      columns,
      prefix: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `,
      row: `(${columns.map(() => '?').join(', ')})`,
    };
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * One multi-row INSERT, with the driver's own conversion of each value (JSON columns, dates) but without TypeORM's
 * query builder, which spends more CPU naming, escaping and re-substituting a batch's hundreds of parameters than
 * the database spends storing the rows. Every column is written (a value a row leaves out is NULL, not the column's
 * default); generated columns (auto-increment ids) are left to the database, and nothing is read back.
 */
export function insertRows<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: readonly Partial<T>[]): Promise<unknown> {
  if (rows.length === 0) return Promise.resolve();
  return run(em, ...insertStatement(em, em.connection.getMetadata(target), rows));
}

/**
 * The same INSERT, answering the named columns of each inserted row (auto-increment ids, say) in one round trip:
 * `RETURNING` on MariaDB and SQLite. On MySQL, which has none, answers null without inserting: the caller inserts
 * with `insertRows` and reads the values back itself.
 */
export async function insertRowsReturning<T extends ObjectLiteral, K extends keyof T & string>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
  returning: readonly K[],
): Promise<Pick<T, K>[] | null> {
  const type = em.connection.options.type;
  if (type !== 'mariadb' && type !== 'better-sqlite3') return null;
  if (rows.length === 0) return [];
  const metadata = em.connection.getMetadata(target);
  const { driver } = em.connection;
  const columns = returning.map((name) => metadata.findColumnWithPropertyName(name)!);
  const [sql, parameters] = insertStatement(em, metadata, rows);
  const answered = (await run(em, `${sql} RETURNING ${columns.map((c) => driver.escape(c.databaseName)).join(', ')}`, parameters)) as Record<string, unknown>[];
  return answered.map((raw) => {
    const out = {} as Pick<T, K>;
    for (const c of columns) (out as Record<string, unknown>)[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
    return out;
  });
}

function insertStatement(em: EntityManager, metadata: EntityMetadata, rows: readonly ObjectLiteral[]): [string, unknown[]] {
  const { driver } = em.connection;
  const { columns, prefix, row } = shapeOf(em, metadata);
  const parameters: unknown[] = [];
  for (const r of rows) {
    for (const c of columns) parameters.push(driver.preparePersistentValue(c.getEntityValue(r) ?? null, c));
  }
  return [prefix + new Array(rows.length).fill(row).join(', '), parameters];
}
