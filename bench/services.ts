import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropMysqlDatabase } from '../platform/database';

export interface ServiceProcesses {
  gatewayUrl: string;
  urls: Record<'intake' | 'directory' | 'status', string>;
  pids: Record<string, number>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function waitHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each service in a process of its own, as deployed, on free-ish ports; a fresh SQLite folder unless DATABASE_URL. */
export async function startServiceProcesses(
  extraEnv: Record<string, string> = {},
  /** Services to run under `--cpu-prof` (profiles land in PROFILE_DIR or /tmp/shagym-profiles). */
  profile: string[] = (process.env.PROFILE ?? '').split(',').filter(Boolean),
): Promise<ServiceProcesses> {
  const base = 20000 + Math.floor(Math.random() * 20000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-bench-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    DATA_DIR: dataDir,
    PORT: String(base),
    INTAKE_PORT: String(base + 1),
    DIRECTORY_PORT: String(base + 2),
    STATUS_PORT: String(base + 3),
    // A load generator is one caller filing as fast as it can: the per-caller limits would measure themselves.
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000000',
    RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '100000000',
    ...extraEnv,
  };
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/shagym_bench${base}`;
    env.DATABASE_URL = u.toString();
  }
  const children: ChildProcess[] = [];
  const pids: Record<string, number> = {};
  const urls = {
    intake: `http://127.0.0.1:${base + 1}/graphql`,
    directory: `http://127.0.0.1:${base + 2}/graphql`,
    status: `http://127.0.0.1:${base + 3}/graphql`,
  };
  const start = async (service: string, port: number) => {
    const profiling = profile.includes(service)
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR ?? '/tmp/shagym-profiles'}`]
      : [];
    const child = spawn(process.execPath, [...profiling, ...nodeFlags(service), '-r', './scripts/register-ts.js', 'scripts/start.ts', service], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    pids[service] = child.pid!;
    await waitHealthy(`http://127.0.0.1:${port}/health`);
  };
  const stopAll = () =>
    Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
  try {
    await Promise.all([start('directory', base + 2), start('status', base + 3)]);
    await start('intake', base + 1);
    await start('gateway', base);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${base}/graphql`,
    urls,
    pids,
    stop: async () => {
      await stopAll();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (env.DATABASE_URL) {
        for (const service of ['intake', 'directory', 'status'] as const) await dropMysqlDatabase(env.DATABASE_URL, service);
      }
    },
  };
}

/**
 * The gateway runs with the young generation the Dockerfile gives it (`--max-semi-space-size=32`): its garbage is
 * short-lived per request, and the larger nursery cut its GC share under bench:query by about a third.
 */
function nodeFlags(service: string): string[] {
  return service === 'gateway' ? ['--max-semi-space-size=32'] : [];
}
