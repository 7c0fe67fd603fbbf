/** A closed-loop load generator: `concurrency` workers call `task` back to back for `durationMs`. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Latencies and errors gathered over one or more runs of a task. */
export interface Samples {
  latencies: number[];
  errors: number;
  ms: number;
}

export const newSamples = (): Samples => ({ latencies: [], errors: 0, ms: 0 });

/** Runs `task` from `concurrency` closed-loop workers for durationMs, adding to `into`; each worker passes its index. */
export async function sample(task: (worker: number) => Promise<boolean>, concurrency: number, durationMs: number, into: Samples): Promise<void> {
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await task(worker).catch(() => false);
        into.latencies.push(performance.now() - t0);
        if (!ok) into.errors++;
      }
    }),
  );
  into.ms += performance.now() - start;
}

export async function runLoad(task: (worker: number) => Promise<boolean>, concurrency: number, durationMs: number): Promise<LoadResult> {
  const samples = newSamples();
  await sample(task, concurrency, durationMs, samples);
  return summarize(samples);
}

export function summarize({ latencies, errors, ms }: Samples): LoadResult {
  const seconds = ms / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    rps: Math.round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
  };
}
