import fs from 'node:fs';

/** User + system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** The local database server's pid, when one runs on this machine. */
function databasePid(): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
    } catch {
      /* gone meanwhile */
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

  constructor(pids: Record<string, number>, withDatabase: boolean) {
    this.processes = { ...pids, 'load generator': process.pid };
    const db = withDatabase ? databasePid() : null;
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
