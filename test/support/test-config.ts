import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../platform/config';
import { dropMysqlDatabase, type ServiceName } from '../../platform/database';

/**
 * A config for one test system: free ports, and a database of its own: a fresh SQLite folder, or, when
 * DATABASE_URL points at MySQL/MariaDB (CI), fresh databases `<base>_t<random>_<service>`.
 */
export function testConfig(env: Record<string, string> = {}): { config: Config; cleanup: () => Promise<void> } {
  const tag = `t${process.pid}${randomBytes(3).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-test-'));
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const u = new URL(databaseUrl);
    u.pathname = `/${(u.pathname.replace(/^\//, '') || 'shagym')}_${tag}`;
    databaseUrl = u.toString();
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    INTAKE_PORT: '0',
    DIRECTORY_PORT: '0',
    STATUS_PORT: '0',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
    ...env,
  });
  return {
    config,
    cleanup: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (config.database.kind === 'mysql') await dropDatabases(config.database.url);
    },
  };
}

async function dropDatabases(url: string): Promise<void> {
  const services: ServiceName[] = ['intake', 'directory', 'status'];
  for (const s of services) await dropMysqlDatabase(url, s);
}
