import { DIRECTORY_CHANGED_CHANNEL, type DirectoryChanged } from '../contracts/directory-changes';
import type { Config } from './config';
import { createPubSub, InProcessPubSub, type PubSub } from './pubsub';

/** Services of one process without Redis (`npm start`, tests) hear each other on this bus. */
const processBus = new InProcessPubSub();

export interface DirectoryChangeFeed {
  publish(change: DirectoryChanged): Promise<void>;
  subscribe(onChange: (change: DirectoryChanged) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Over Redis when `REDIS_URL` is set (every process), else within this process. */
export function directoryChangeFeed(config: Pick<Config, 'redisUrl'>): DirectoryChangeFeed {
  const own: PubSub | null = config.redisUrl ? createPubSub(config) : null;
  const bus = own ?? processBus;
  return {
    publish: (change) => bus.publish(DIRECTORY_CHANGED_CHANNEL, change),
    subscribe: (onChange) => bus.subscribe(DIRECTORY_CHANGED_CHANNEL, (m) => onChange(m as DirectoryChanged)),
    close: async () => {
      await own?.close(); // the process bus is shared: each subscriber only unsubscribes
    },
  };
}
