import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { waitFor } from './cluster';

export const MARIADBD = '/usr/sbin/mariadbd';

/** True when `mariadb-install-db` and `mariadbd` are installed (the private server needs both). */
export function hasMariadbBinaries(): boolean {
  try {
    execFileSync('sh', ['-c', `command -v mariadb-install-db && test -x ${MARIADBD}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A MariaDB server of the test's own: a fresh data directory in a temporary folder, a free loopback port, root
 * without a password, durable commits. It can be killed with SIGKILL and started again on the same data directory
 * and port. The machine's shared server (3306) is never touched.
 */
export class PrivateMariadb {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'shagym-mariadb-'));
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/shagym_ci`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Creates the data directory (once) and starts the server; resolves when it answers a ping. */
  async start(): Promise<void> {
    const data = path.join(this.dir, 'data');
    if (!this.child) {
      execFileSync(
        'mariadb-install-db',
        ['--no-defaults', '--auth-root-authentication-method=normal', `--datadir=${data}`, '--user=root', '--skip-test-db'],
        { stdio: 'ignore', timeout: 60_000 },
      );
    }
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(this.dir, 'sock')}`,
        `--pid-file=${path.join(this.dir, 'mariadbd.pid')}`,
        `--log-error=${path.join(this.dir, 'error.log')}`,
        '--user=root',
        '--skip-name-resolve',
        '--innodb-flush-log-at-trx-commit=1',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=300',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitFor(
      'private mariadbd accepting connections',
      async () => {
        if (exited) throw new Error('mariadbd exited at start');
        return this.ping();
      },
      60_000,
      50,
    ).catch((err) => {
      throw exited ? new Error(`mariadbd exited at start; see ${path.join(this.dir, 'error.log')}`) : err;
    });
  }

  async ping(): Promise<boolean> {
    const conn = await mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
    try {
      await conn.ping();
      return true;
    } finally {
      await conn.end().catch(() => undefined);
    }
  }

  /** SIGKILL, and waits for the process to end (its port is free again then). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGKILL');
    });
  }

  /** Kills the server and removes its data directory. */
  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
