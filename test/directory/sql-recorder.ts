import type { DataSource, Logger } from 'typeorm';

/** Records every SQL statement the DataSource runs while `work` runs (TypeORM calls logQuery for each). */
export async function recordQueries(db: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const logger = db.logger as Logger;
  const original = logger.logQuery;
  logger.logQuery = function (query, parameters, runner) {
    seen.push(query);
    return original.call(this, query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

export const selectsFrom = (queries: string[], table: string) =>
  queries.filter((q) => /^\s*SELECT/i.test(q) && new RegExp(`FROM [\`"]${table}[\`"]`).test(q));
