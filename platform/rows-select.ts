import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { preparedQuery } from './prepared-query';

/** Each entity's SELECT by one set of columns, built once (the same text, so one prepared statement each). */
const statements = new WeakMap<EntityMetadata, Map<string, string>>();

function selectStatement(em: EntityManager, metadata: EntityMetadata, properties: string[]): string {
  let byColumns = statements.get(metadata);
  if (!byColumns) statements.set(metadata, (byColumns = new Map()));
  const key = properties.join(',');
  let sql = byColumns.get(key);
  if (sql === undefined) {
    const { driver } = em.connection;
    const conditions = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return `${driver.escape(column.databaseName)} = ?`;
    });
    sql = `SELECT * FROM ${driver.escape(metadata.tableName)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
    byColumns.set(key, sql);
  }
  return sql;
}

/**
 * The rows of `target` whose columns equal `where`, as entities: one plain SELECT (a prepared statement on
 * MySQL/MariaDB, `prepared-query.ts`), each value converted by the driver (dates, JSON, booleans) as TypeORM's
 * `findBy` would, without its query builder, which costs more CPU than the database spends on a lookup by key
 * (marks and access checks run one or two per request). The counterpart of `rows-insert.ts`.
 */
export async function selectRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  where: Partial<Record<keyof T & string, string | number>>,
): Promise<T[]> {
  const { driver } = em.connection;
  const metadata = em.connection.getMetadata(target);
  const properties = Object.keys(where);
  const raw = (await preparedQuery(em, selectStatement(em, metadata, properties), properties.map((p) => where[p as keyof T & string]))) as Record<string, unknown>[];
  return raw.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}
