import { randomUUID } from 'node:crypto';
import type {
  EntitySubscriberInterface,
  InsertEvent,
  RecoverEvent,
  RemoveEvent,
  SoftRemoveEvent,
  TransactionCommitEvent,
  UpdateEvent,
} from 'typeorm';
import type { DirectoryChanged } from '../../../contracts/directory-changes';
import { directoryChangeFeed } from '../../../platform/directory-change-feed';
import type { SubgraphRuntime } from '../../../platform/subgraph-server';
import { ReadCache } from '../../../platform/read-cache';

type ChangeEvent = Pick<TransactionCommitEvent, 'queryRunner'>;

/**
 * Every write through TypeORM (no `listenTo`: all entities) and every commit. A write invalidates at once; the
 * commit invalidates again, as reads made between the write and the commit still saw the old rows.
 * `committed`: the change is visible to other connections (a commit, or a write outside any transaction; a
 * released savepoint is also reported as a commit, with the transaction still active).
 */
class WriteWatcher implements EntitySubscriberInterface {
  constructor(private readonly onChange: (committed: boolean) => void) {}

  private changed(event: ChangeEvent) {
    this.onChange(!event.queryRunner.isTransactionActive);
  }

  afterInsert = (e: InsertEvent<unknown>) => this.changed(e);
  afterUpdate = (e: UpdateEvent<unknown>) => this.changed(e);
  afterRemove = (e: RemoveEvent<unknown>) => this.changed(e);
  afterSoftRemove = (e: SoftRemoveEvent<unknown>) => this.changed(e);
  afterRecover = (e: RecoverEvent<unknown>) => this.changed(e);
  afterTransactionCommit = (e: TransactionCommitEvent) => this.changed(e);
}

/**
 * The subgraph's read cache, emptied on every local write and on every write committed by another directory
 * instance (heard over Redis when `REDIS_URL` is set). Each commit is announced on the directory change feed, which
 * intake's cache of jurisdiction answers also hears. Raw SQL (`db.query`) bypasses TypeORM's events: only the TTL
 * catches it.
 */
export async function startDirectoryReadCache(rt: SubgraphRuntime): Promise<{ cache: ReadCache; stop(): Promise<void> }> {
  const cache = new ReadCache({ ttlMs: rt.config.directoryCache.ttlMs });
  // Instances of one directory share its database; other systems on the same Redis are ignored.
  const self: DirectoryChanged = { database: String(rt.db.options.database), from: randomUUID() };
  const feed = directoryChangeFeed(rt.config);
  // A message invalidates without publishing again; our own messages come back to us and are ignored.
  const unsubscribe = await feed.subscribe(({ database, from }) => {
    if (database === self.database && from !== self.from) cache.invalidate();
  });
  const watcher = new WriteWatcher((committed) => {
    cache.invalidate();
    if (!committed) return; // others cannot see uncommitted rows; the commit will publish
    feed
      .publish(self)
      .catch((err) => rt.logger.error({ err }, 'publishing directory.changed failed'));
  });
  rt.db.subscribers.push(watcher);
  return {
    cache,
    stop: async () => {
      const at = rt.db.subscribers.indexOf(watcher);
      if (at >= 0) rt.db.subscribers.splice(at, 1);
      await unsubscribe();
      await feed.close();
    },
  };
}
