import type { Config } from '../platform/config';
import { createPubSub, InProcessPubSub, type PubSub } from '../platform/pubsub';

/**
 * Directory instances announce their committed writes here, so every cache of directory data (the directory's own
 * read cache on each instance, intake's jurisdiction answers) is emptied at once, not at its TTL.
 */
export const DIRECTORY_CHANGED_CHANNEL = 'directory.changed';

export interface DirectoryChanged {
  /** The directory's database: its instances share it; a system sharing only the Redis differs here. */
  database: string;
  /** The instance that wrote. */
  from: string;
}

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
