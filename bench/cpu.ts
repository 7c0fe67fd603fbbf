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
 * Starts counting the CPU each process spends; the returned function gives CPU ms per operation for each of them,
 * which shows where a request's cost goes when the processes share the cores.
 */
export function countCpu(pids: Record<string, number>, withDatabase: boolean): (operations: number) => Record<string, number> {
  const all: Record<string, number> = { ...pids, 'load generator': process.pid };
  const db = withDatabase ? databasePid() : null;
  if (db) all.database = db;
  const before = Object.fromEntries(Object.entries(all).map(([name, pid]) => [name, cpuMs(pid)]));
  return (operations) => {
    const perOp = Object.entries(all).map(([name, pid]) => [name, Math.round(((cpuMs(pid) - before[name]) / operations) * 100) / 100]);
    const total = perOp.reduce((sum, [, ms]) => sum + (ms as number), 0);
    return { ...Object.fromEntries(perOp), total: Math.round(total * 100) / 100 };
  };
}
