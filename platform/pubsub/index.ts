import type { Config } from '../config';
import { InProcessPubSub } from './in-process-pubsub';
import type { PubSub } from './pubsub';
import { RedisPubSub } from './redis-pubsub';

export type { PubSub } from './pubsub';
export { AsyncQueue } from './async-queue';
export { InProcessPubSub } from './in-process-pubsub';
export { RedisPubSub } from './redis-pubsub';

/** Redis when `REDIS_URL` is set (several instances share events), else in-process. */
export function createPubSub(config: Pick<Config, 'redisUrl'>): PubSub {
  return config.redisUrl ? new RedisPubSub(config.redisUrl) : new InProcessPubSub();
}
