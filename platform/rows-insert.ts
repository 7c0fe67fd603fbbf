import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

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
  const { driver } = em.connection;
  const { columns, prefix, row } = shapeOf(em, em.connection.getMetadata(target));
  const parameters: unknown[] = [];
  for (const r of rows) {
    for (const c of columns) parameters.push(driver.preparePersistentValue(c.getEntityValue(r) ?? null, c));
  }
  return em.query(prefix + new Array(rows.length).fill(row).join(', '), parameters);
}
