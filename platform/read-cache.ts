import { readCacheLookups } from './metrics';

export interface ReadCacheOptions {
  /** How long an entry is served; 0 disables the cache (nothing is ever stored). */
  ttlMs: number;
  /** Past this many entries the oldest one is evicted. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * Values read from a database that changes rarely, kept for a while. `invalidate()` starts a new generation and
 * drops every entry at once. A read remembers the generation it started under and is stored only if no
 * invalidation came while it ran: a read that overlapped a write may have seen the old rows.
 * Failed reads (throws) are never stored, nor is `undefined`.
 */
export class ReadCache {
  private current = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ReadCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Take it before reading; hand it to `set` with what was read. */
  get generation(): number {
    return this.current;
  }

  get size(): number {
    return this.entries.size;
  }

  invalidate(): void {
    this.current++;
    this.entries.clear();
  }

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return miss();
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return miss();
    }
    readCacheLookups.inc(HIT);
    return entry.value as T;
  }

  /** Stores a value read under generation `readUnder`, unless the cache was invalidated since. */
  set(key: string, value: unknown, readUnder: number): void {
    if (this.ttlMs <= 0 || value === undefined || readUnder !== this.current) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** The cached value, or `read()`'s, stored as `set` allows. A throw propagates and stores nothing. */
  async getOrRead<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const readUnder = this.current;
    const value = await read();
    this.set(key, value, readUnder);
    return value;
  }
}

const HIT = { result: 'hit' };
const MISS = { result: 'miss' };
function miss(): undefined {
  readCacheLookups.inc(MISS);
  return undefined;
}
