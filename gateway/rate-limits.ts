import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../platform/config';
import { RateLimited as RateLimitedError } from '../platform/errors';

export type LimitedAction = 'mutation' | 'connection';

/** Refused: try again after this many whole seconds. */
export interface RateLimited {
  retryAfterSeconds: number;
}

/**
 * Per-caller rate limits (rate-limiter-flexible, fixed one-minute windows): mutations per user (per address when
 * anonymous), WebSocket connection attempts per address. In one process's memory by default; shared by every gateway
 * process through Redis when REDIS_URL is set, the memory limiter standing in while Redis does not answer.
 */
export class CallerRateLimits {
  private readonly limiters: Record<LimitedAction, RateLimiterAbstract>;
  private readonly redis?: Redis;

  constructor(config: Config) {
    const limits: Record<LimitedAction, number> = {
      mutation: config.rateLimits.mutationsPerMinute,
      connection: config.rateLimits.wsConnectionsPerMinute,
    };
    // A command waits for the connection at most one reconnection attempt, then the memory limiter answers.
    if (config.redisUrl) this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    const make = (action: LimitedAction): RateLimiterAbstract => {
      const opts = { points: limits[action], duration: 60, keyPrefix: `shagym:rate:${action}` };
      const memory = new RateLimiterMemory(opts);
      return this.redis ? new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: memory }) : memory;
    };
    this.limiters = { mutation: make('mutation'), connection: make('connection') };
  }

  /** Counts `points` actions (mutations in one operation) of `caller`; null when allowed. */
  async consume(action: LimitedAction, caller: string, points = 1): Promise<RateLimited | null> {
    try {
      await this.limiters[action].consume(caller, Math.max(1, points));
      return null;
    } catch (res) {
      if (res instanceof RateLimiterRes) return { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      throw res;
    }
  }

  async dispose(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/** The error of a refused mutation: RATE_LIMITED with `retryAfter` (seconds); over HTTP also 429 and Retry-After. */
export function rateLimitedError(limited: RateLimited, http?: { headers: Map<string, string> }): RateLimitedError {
  return new RateLimitedError(limited.retryAfterSeconds, http ? { http: { status: 429, headers: http.headers } } : {});
}
