import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import type { Config } from './config';

export type ServiceName = 'intake' | 'directory' | 'status';

export interface DatabaseDefinition {
  /** Owner of the tables: each service has its own SQLite file or MySQL database. */
  service: ServiceName;
  // eslint-disable-next-line @typescript-eslint/ban-types
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/ban-types
  migrations: MixedList<Function | string>;
}

export interface MysqlLocation {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

/** `mysql://user:pass@host:port/base` → the service's own database `base_service`. */
export function mysqlLocation(url: string, service: ServiceName): MysqlLocation {
  const u = new URL(url);
  const base = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'shagym';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    username: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: `${base}_${service}`,
  };
}

async function onMysqlServer<T = unknown>(loc: MysqlLocation, sql: string): Promise<T> {
  const conn = await mysql.createConnection({ host: loc.host, port: loc.port, user: loc.username, password: loc.password });
  try {
    const [rows] = await conn.query(sql);
    return rows as T;
  } finally {
    await conn.end();
  }
}

/** MySQL or MariaDB: TypeORM reads their catalogues differently, so it must be told which one it talks to. */
export type MysqlFlavor = 'mysql' | 'mariadb';

/** Creates the service's database if missing and tells which server answered. */
async function ensureMysqlDatabase(loc: MysqlLocation): Promise<MysqlFlavor> {
  await onMysqlServer(
    loc,
    `CREATE DATABASE IF NOT EXISTS \`${loc.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const [row] = await onMysqlServer<{ version: string }[]>(loc, 'SELECT VERSION() AS version');
  return /mariadb/i.test(row.version) ? 'mariadb' : 'mysql';
}

/** Drops the service's MySQL database (scratch and test databases only). */
export function dropMysqlDatabase(url: string, service: ServiceName): Promise<void> {
  const loc = mysqlLocation(url, service);
  return onMysqlServer(loc, `DROP DATABASE IF EXISTS \`${loc.database}\``);
}

export function dataSourceOptions(config: Config, def: DatabaseDefinition, flavor: MysqlFlavor = 'mysql'): DataSourceOptions {
  if (config.database.kind === 'sqlite') {
    return {
      type: 'better-sqlite3',
      database: path.join(config.database.dataDir, `${def.service}.sqlite`),
      entities: def.entities,
      // The embedded database is a development convenience: its schema follows the entities.
      synchronize: true,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  const loc = mysqlLocation(config.database.url, def.service);
  return {
    type: flavor,
    ...loc,
    entities: def.entities,
    migrations: def.migrations,
    // Run by openDatabase under a lock: instances starting together on a fresh database would race otherwise.
    migrationsRun: false,
    synchronize: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // Prepared statements (platform/rows-insert) kept per connection: the server holds at most 16,382 in all by default.
    extra: { connectionLimit: 20, maxPreparedStatements: 64 },
  };
}

/** Opens the service's database, creating it (and its schema) when missing. */
export async function openDatabase(config: Config, def: DatabaseDefinition): Promise<DataSource> {
  let flavor: MysqlFlavor | undefined;
  if (config.database.kind === 'sqlite') fs.mkdirSync(config.database.dataDir, { recursive: true });
  else flavor = await ensureMysqlDatabase(mysqlLocation(config.database.url, def.service));
  const ds = new DataSource(dataSourceOptions(config, def, flavor));
  await ds.initialize();
  if (config.database.kind === 'mysql') {
    try {
      await runMigrationsLocked(ds, mysqlLocation(config.database.url, def.service).database);
    } catch (err) {
      await ds.destroy();
      throw err;
    }
  }
  return ds;
}

/** How long an instance waits for another one's migrations before giving up on starting. */
const MIGRATION_LOCK_TIMEOUT_S = 120;

/**
 * Runs pending migrations holding a server-wide named lock (`GET_LOCK`, MySQL and MariaDB) for the service's
 * database, on one connection kept for the whole run: of several instances starting together on a fresh database
 * one migrates and the others wait, then find nothing pending (before, one exited with `Table … already exists`).
 * The lock is released when the connection ends, so a migrator killed midway does not block the others.
 */
export async function runMigrationsLocked(ds: DataSource, database: string): Promise<void> {
  const lockName = `shagym.migrations.${database}`.slice(0, 64);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [lockName, MIGRATION_LOCK_TIMEOUT_S])) as { got: number | null }[];
    if (Number(row?.got) !== 1) throw new Error(`Could not take the migration lock ${lockName} within ${MIGRATION_LOCK_TIMEOUT_S} s`);
    try {
      await ds.runMigrations();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/** Whether the database answers `SELECT 1` within `timeoutMs` (a dead server must not stall `/health`). */
export async function isDatabaseUp(ds: DataSource, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      ds.query('SELECT 1').then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work` in a transaction; on MySQL, retries a deadlock or lock timeout a few times. */
export async function inTransaction<T>(ds: DataSource, work: (em: import('typeorm').EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const retryable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
      if (!retryable || attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt));
    }
  }
}

/** Unique-key violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
