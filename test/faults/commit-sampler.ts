type Sql = <T>(service: 'status', query: string, params?: unknown[]) => Promise<T[]>;

/**
 * Notes when the test first sees each of the citizens' marks committed, reading new marks every 20 ms, so a
 * fault test can measure each mark's lag from commit to cabinet. `stop()` ends the sampling.
 */
export function sampleCommits(sql: Sql, citizens: string[], committedAt: Map<string, number>): { stop(): void } {
  let lastSeq = 0;
  let sampling = false;
  const timer = setInterval(() => {
    if (sampling) return;
    sampling = true;
    sql<{ id: string; seq: number }>('status', 'SELECT id, seq FROM status_mark WHERE seq > ? AND applicantIin IN (?) ORDER BY seq', [lastSeq, citizens])
      .then((rows) => {
        const now = Date.now();
        for (const r of rows) {
          if (!committedAt.has(r.id)) committedAt.set(r.id, now);
          lastSeq = Math.max(lastSeq, r.seq);
        }
      })
      .catch(() => undefined)
      .finally(() => (sampling = false));
  }, 20);
  return { stop: () => clearInterval(timer) };
}
