import fs from 'node:fs';

/** User + system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Inodes of the sockets listening on `port` (any local address, IPv4 or IPv6), from /proc/net. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = fs.readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the tenth field
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === port) inodes.add(f[9]);
    }
  }
  return inodes;
}

/**
 * The pid of the database server DATABASE_URL names, when it runs on this machine: the process holding the socket
 * that listens on its port (tests and other benches may run further servers, so the first `mariadbd` is not it).
 */
function databasePid(databaseUrl: string): number | null {
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) return null;
  const inodes = listeningInodes(url.port ? Number(url.port) : 3306);
  if (inodes.size === 0) return null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return null;
}

/**
 * Counts the CPU each process spends while running (between start and stop, over any number of spans), to give CPU
 * ms per operation for each: where a request's cost goes when the processes share the cores.
 */
export class CpuMeter {
  private readonly processes: Record<string, number>;
  private readonly spent: Record<string, number> = {};
  private startedAt: Record<string, number> | null = null;

  /** `databaseUrl`: DATABASE_URL, when the services use a database server (its CPU is counted too when local). */
  constructor(pids: Record<string, number>, databaseUrl: string | undefined) {
    this.processes = { ...pids, 'load generator': process.pid };
    const db = databaseUrl ? databasePid(databaseUrl) : null;
    if (db) this.processes.database = db;
  }

  start(): this {
    this.startedAt = Object.fromEntries(Object.entries(this.processes).map(([name, pid]) => [name, cpuMs(pid)]));
    return this;
  }

  stop(): void {
    if (!this.startedAt) return;
    for (const [name, pid] of Object.entries(this.processes)) {
      this.spent[name] = (this.spent[name] ?? 0) + cpuMs(pid) - this.startedAt[name];
    }
    this.startedAt = null;
  }

  perOperation(operations: number): Record<string, number> {
    const round = (n: number) => Math.round(n * 100) / 100;
    const perOp = Object.entries(this.spent).map(([name, ms]) => [name, round(ms / operations)] as const);
    return { ...Object.fromEntries(perOp), total: round(perOp.reduce((sum, [, ms]) => sum + ms, 0)) };
  }
}
