import { randomUUID } from 'node:crypto';
import { CallerRateLimits } from '../../gateway/rate-limits';
import { loadConfig } from '../../platform/config';
import { describeWithRedis, REDIS_URL } from '../support/redis';

/** With REDIS_URL, gateway processes share their per-caller limits (rate-limiter-flexible on Redis). */
describeWithRedis('rate limits shared through Redis', () => {
  it('counts one caller’s mutations across two gateway processes', async () => {
    const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: REDIS_URL!, RATE_LIMIT_MUTATIONS_PER_MINUTE: '3' });
    const [a, b] = [new CallerRateLimits(config), new CallerRateLimits(config)];
    try {
      const caller = `citizen:${randomUUID()}`;
      const answers = [];
      for (const limits of [a, b, a, b]) answers.push(await limits.consume('mutation', caller));
      expect(answers.slice(0, 3)).toEqual([null, null, null]);
      expect(answers[3]).toEqual({ retryAfterSeconds: expect.any(Number) });
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
    }
  });
});
