import { groupCommitBatchSize } from './metrics';

/**
 * Group commit: writes submitted while a transaction is in flight wait for it, then commit together in the next
 * one. A lone write commits at once (no added latency); under load one transaction carries many writes, so the
 * database round trips (BEGIN, the inserts, COMMIT) are paid per batch instead of per write.
 *
 * Every submitter learns the fate of its own write. When a batch fails with an error that one write alone can cause
 * (a unique-key clash: the statement failed, so the transaction surely rolled back), each write is retried alone,
 * so only the offending submitter fails. Any other error (a lost connection, whose COMMIT may or may not have
 * landed) goes to every submitter of the batch unretried, exactly as if each had committed on its own.
 */
export class GroupCommit<T> {
  private queue: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private committing = false;

  constructor(
    /** Commits all items atomically, or throws and commits none. */
    private readonly commit: (items: T[]) => Promise<void>,
    /** Errors caused by one write, after which the others can safely be retried alone. */
    private readonly causedByOneWrite: (err: unknown) => boolean,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves once the item is committed; rejects with the error of its own commit. */
  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.committing || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.committing = true;
    this.run(batch).finally(() => {
      this.committing = false;
      this.next();
    });
  }

  private async run(batch: GroupCommit<T>['queue']): Promise<void> {
    groupCommitBatchSize.observe(batch.length);
    try {
      await this.commit(batch.map((b) => b.item));
      for (const b of batch) b.resolve();
    } catch (err) {
      if (batch.length === 1 || !this.causedByOneWrite(err)) return batch.forEach((b) => b.reject(err));
      for (const b of batch) {
        await this.commit([b.item]).then(b.resolve, b.reject);
      }
    }
  }
}
