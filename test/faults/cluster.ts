import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { dropMysqlDatabase, type ServiceName } from '../../platform/database';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const ROOT = path.resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const healthy = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok;

/** A private redis-server on its own loopback port (the shared one on 6379 is left alone), killable at will. */
export class PrivateRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor('redis-server', async () => {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } finally {
        probe.disconnect();
      }
    });
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

export interface ClusterOptions {
  /** MySQL/MariaDB server URL; each run uses fresh databases `shagym_f<random>_<service>`. */
  databaseUrl: string;
  redisUrl: string;
  /** Status instances behind one address (a TCP load balancer). */
  statusInstances: number;
}

type Role = 'directory' | 'intake' | 'gateway' | `status${number}`;

/**
 * The services as deployed: each in a process of its own (`scripts/start.ts <service>`), on MariaDB and Redis,
 * several status instances behind one address, so a test can kill -9 any of them and start it again.
 */
export class Cluster {
  readonly ports: Record<string, number> = {};
  private readonly children = new Map<Role, ChildProcess>();
  private readonly logs = new Map<Role, string>();
  private statusBalancer?: TcpProxy;
  private env: Record<string, string> = {};
  private databaseUrl = '';

  constructor(private readonly opts: ClusterOptions) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}/graphql`;
  }

  /** The service's database URL as the services use it (the base; each service appends `_<service>`). */
  get serviceDatabaseUrl(): string {
    return this.databaseUrl;
  }

  async start(): Promise<void> {
    for (const role of ['gateway', 'intake', 'directory']) this.ports[role] = await freePort();
    const statusPorts: number[] = [];
    for (let i = 0; i < this.opts.statusInstances; i++) statusPorts.push((this.ports[`status${i}`] = await freePort()));
    this.statusBalancer = await startTcpProxy(statusPorts);
    const u = new URL(this.opts.databaseUrl);
    u.pathname = `/shagym_f${randomBytes(3).toString('hex')}`;
    this.databaseUrl = u.toString();
    this.env = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      SEED_DEMO_DATA: 'false',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.opts.redisUrl,
      HOST: '127.0.0.1',
      PORT: String(this.ports.gateway),
      INTAKE_PORT: String(this.ports.intake),
      DIRECTORY_PORT: String(this.ports.directory),
      STATUS_URL: `http://127.0.0.1:${this.statusBalancer.port}/graphql`,
      WS_RESUME_ATTEMPTS: '20',
    };
    // Every service at once on a fresh database: migrations must not race (two status instances included).
    await Promise.all([
      this.spawn('directory'),
      ...statusPorts.map((_, i) => this.spawn(`status${i}`)),
      this.spawn('intake'),
    ]);
    await this.spawn('gateway');
  }

  /** Starts (or restarts) one service process and waits until its /health answers 200. */
  async spawn(role: Role): Promise<void> {
    const service = role.startsWith('status') ? 'status' : role;
    const env = role.startsWith('status') ? { ...this.env, STATUS_PORT: String(this.ports[role]) } : this.env;
    const child = spawn(process.execPath, ['-r', './scripts/register-ts.js', 'scripts/start.ts', service], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.logs.set(role, '');
    child.stderr!.on('data', (chunk: Buffer) => this.logs.set(role, (this.logs.get(role)! + chunk.toString()).slice(-4000)));
    this.children.set(role, child);
    let exited = false;
    child.once('exit', () => (exited = true));
    // Generous: a cold start transpiles the sources, and a loaded CI machine may take half a minute for it.
    await waitFor(`${role} healthy`, async () => {
      if (exited) throw new Error(`${role} exited at start:\n${this.logs.get(role)}`);
      return healthy(this.ports[role])();
    }, 180_000).catch((err) => {
      throw exited ? new Error(`${role} exited at start:\n${this.logs.get(role)}`) : err;
    });
  }

  /** Sends `signal` and waits for the process to end. */
  async kill(role: Role, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(role);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  log(role: Role): string {
    return this.logs.get(role) ?? '';
  }

  async stop(): Promise<void> {
    await Promise.all([...this.children.keys()].map((role) => this.kill(role, 'SIGKILL')));
    await this.statusBalancer?.close();
    if (this.databaseUrl) {
      for (const s of ['intake', 'directory', 'status'] as ServiceName[]) await dropMysqlDatabase(this.databaseUrl, s).catch(() => undefined);
    }
  }
}
