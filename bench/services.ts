import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropMysqlDatabase } from '../platform/database';

export interface ServiceProcesses {
  /** The first gateway. */
  gatewayUrl: string;
  gatewayUrls: string[];
  /** The first instance of each subgraph. */
  urls: Record<'intake' | 'directory' | 'status', string>;
  statusUrls: string[];
  /** By process name: `gateway`, `gateway 2`, …, `status`, `status 2`, …, `intake`, `directory`. */
  pids: Record<string, number>;
  stop(): Promise<void>;
}

export interface ServiceLayout {
  /** Gateway processes (each talks to its own status process when there are as many). */
  gateways?: number;
  statuses?: number;
  /** Extra node flags per service (e.g. `--heapsnapshot-signal=SIGUSR2`). */
  nodeFlags?: Record<string, string[]>;
}

/** `gateway`, `gateway 2`, … */
export const instanceName = (service: string, i: number) => (i === 0 ? service : `${service} ${i + 1}`);

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

/**
 * Each service in a process of its own, as deployed, on free-ish ports; a fresh SQLite folder unless DATABASE_URL.
 * With several gateway or status processes they share events and rate limits over Redis (REDIS_URL, default
 * redis://127.0.0.1:6379), as README's "Several processes per service" describes.
 */
export async function startServiceProcesses(
  extraEnv: Record<string, string> = {},
  /** Services to run under `--cpu-prof` (profiles land in PROFILE_DIR or /tmp/shagym-profiles). */
  profile: string[] = (process.env.PROFILE ?? '').split(',').filter(Boolean),
  layout: ServiceLayout = {},
): Promise<ServiceProcesses> {
  const gateways = layout.gateways ?? 1;
  const statuses = layout.statuses ?? gateways;
  const base = 20000 + Math.floor(Math.random() * 20000);
  // Ports: gateways base, base+10, base+20…; intake base+1, directory base+2; statuses base+3, base+13, base+23…
  const gatewayPort = (i: number) => base + 10 * i;
  const statusPort = (i: number) => base + 3 + 10 * i;
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
    ...(gateways > 1 || statuses > 1 ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}),
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
  const start = async (service: string, port: number, name = service, ownEnv: Record<string, string> = {}) => {
    const profiling = profile.includes(service)
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR ?? '/tmp/shagym-profiles'}`]
      : [];
    const flags = [...profiling, ...productionFlags(), ...(layout.nodeFlags?.[service] ?? [])];
    const child = spawn(process.execPath, [...flags, '-r', './scripts/register-ts.js', 'scripts/start.ts', service], {
      cwd: ROOT,
      env: { ...env, ...ownEnv },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    pids[name] = child.pid!;
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
  const statusUrls = Array.from({ length: statuses }, (_, i) => `http://127.0.0.1:${statusPort(i)}/graphql`);
  const gatewayUrls = Array.from({ length: gateways }, (_, i) => `http://127.0.0.1:${gatewayPort(i)}/graphql`);
  try {
    await Promise.all([start('directory', base + 2), start('status', statusPort(0))]);
    // The first status process has migrated its database; the others start on it.
    for (let i = 1; i < statuses; i++) await start('status', statusPort(i), instanceName('status', i), { STATUS_PORT: String(statusPort(i)) });
    await start('intake', base + 1);
    for (let i = 0; i < gateways; i++) {
      await start('gateway', gatewayPort(i), instanceName('gateway', i), { PORT: String(gatewayPort(i)), STATUS_URL: statusUrls[i % statuses] });
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    gatewayUrl: gatewayUrls[0],
    gatewayUrls,
    urls,
    statusUrls,
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
 * Every service runs with the young generation the Dockerfile gives the image (`--max-semi-space-size=32`): their
 * garbage is short-lived per request, and the larger nursery cut the gateway's GC share under bench:query by about a
 * third. Before 2026-11-26 only the gateway had it here, so status and intake were measured with less than deployed.
 */
function productionFlags(): string[] {
  return ['--max-semi-space-size=32'];
}
