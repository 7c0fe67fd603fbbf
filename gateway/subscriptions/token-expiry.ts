/** What a token expiry ends: a live subscription whose caller's token ran out. */
export interface Expiring {
  expire(): void;
}

/** setTimeout takes at most a signed 32-bit delay; a later expiry is looked at again after this long. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One timer for the token expiries of every live subscription, by the token's `exp` (whole seconds): 10,000
 * cabinets cost one bucket entry each instead of a timer and its closure each (~0.3 KiB a cabinet).
 */
export class TokenExpiry {
  private readonly buckets = new Map<number, Set<Expiring>>();
  private timer?: NodeJS.Timeout;
  private timerAtMs = Infinity;

  add(expSeconds: number, item: Expiring): void {
    let bucket = this.buckets.get(expSeconds);
    if (!bucket) this.buckets.set(expSeconds, (bucket = new Set()));
    bucket.add(item);
    if (expSeconds * 1000 < this.timerAtMs) this.schedule(expSeconds * 1000);
  }

  delete(expSeconds: number, item: Expiring): void {
    const bucket = this.buckets.get(expSeconds);
    if (!bucket?.delete(item)) return;
    // The timer stays: when it fires for an emptied bucket it only schedules the next one.
    if (bucket.size === 0) this.buckets.delete(expSeconds);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAtMs = Infinity;
    this.buckets.clear();
  }

  private schedule(atMs: number): void {
    clearTimeout(this.timer);
    this.timerAtMs = atMs;
    this.timer = setTimeout(() => this.fire(), Math.min(MAX_TIMER_MS, Math.max(0, atMs - Date.now())));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAtMs = Infinity;
    const now = Date.now();
    const due: Expiring[] = [];
    let next = Infinity;
    for (const [exp, bucket] of this.buckets) {
      if (exp * 1000 <= now) {
        this.buckets.delete(exp);
        for (const item of bucket) due.push(item);
      } else if (exp * 1000 < next) next = exp * 1000;
    }
    if (next < Infinity) this.schedule(next);
    for (const item of due) item.expire();
  }
}
