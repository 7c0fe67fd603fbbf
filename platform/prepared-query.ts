import { QueryFailedError, type EntityManager } from 'typeorm';
import { tracingEnabled } from './tracing';

/** The part of a mysql2 connection used here (the callback API TypeORM's pool hands out). */
interface PreparingConnection {
  execute(sql: string, values: unknown[], done: (err: Error | null, result: unknown) => void): void;
}

/**
 * `em.query`, but on MySQL and MariaDB as a prepared statement (binary protocol): the values are neither escaped
 * into the SQL text here nor parsed back out of it by the server, which for small hot statements is a large part
 * of either side's cost. Each pooled connection keeps its latest statements (`maxPreparedStatements`,
 * platform/database.ts). With tracing on, statements go through TypeORM's `query`, which tracing wraps to give
 * them spans.
 */
export async function preparedQuery(em: EntityManager, sql: string, parameters: unknown[]): Promise<unknown> {
  const type = em.connection.options.type;
  if ((type !== 'mysql' && type !== 'mariadb') || tracingEnabled()) return em.query(sql, parameters);
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const connection = (await runner.connect()) as PreparingConnection;
    em.connection.logger.logQuery(sql, parameters, runner); // as TypeORM's query does (logging, SQL recorders in tests)
    return await new Promise((resolve, reject) =>
      connection.execute(sql, parameters, (err, result) => (err ? reject(new QueryFailedError(sql, parameters, err)) : resolve(result))),
    );
  } finally {
    if (runner !== em.queryRunner) await runner.release();
  }
}
