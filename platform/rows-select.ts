import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The rows of `target` whose columns equal `where`, as entities: one plain SELECT, each value converted by the
 * driver (dates, JSON, booleans) as TypeORM's `findBy` would, without its query builder, which costs more CPU than
 * the database spends on a lookup by key (marks and access checks run one or two per request). The counterpart of
 * `rows-insert.ts`.
 */
export async function selectRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  where: Partial<Record<keyof T & string, string | number>>,
): Promise<T[]> {
  const { driver } = em.connection;
  const metadata = em.connection.getMetadata(target);
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  for (const [property, value] of Object.entries(where)) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    conditions.push(`${driver.escape(column.databaseName)} = ?`);
    parameters.push(value);
  }
  const raw: Record<string, unknown>[] = await em.query(
    `SELECT * FROM ${driver.escape(metadata.tableName)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    parameters,
  );
  return raw.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}
