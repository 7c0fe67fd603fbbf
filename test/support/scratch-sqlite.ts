import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * A database of its own for one spec file: a fresh SQLite file whose schema follows `entities`, opened before the
 * spec's tests (then `seed` runs) and deleted after them. Call it at the top of a `describe`.
 */
export function scratchSqlite(entities: DataSourceOptions['entities'], seed?: (db: DataSource) => Promise<unknown>): DataSource {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-spec-'));
  const db = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'spec.sqlite'), entities, synchronize: true });
  beforeAll(async () => {
    await db.initialize();
    await seed?.(db);
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
