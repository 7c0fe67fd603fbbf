import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { In, type DataSource } from 'typeorm';
import { TrackedComplaint } from './tracked-complaint.entity';

/** A complaint's number, or how to get it when asked. */
export type NumberSource = string | (() => string | Promise<string>);

/** Numbers kept per process; each entry is ~0.2 KiB. */
const MAX_NUMBERS = 50_000;
/** Most ids one query asks for. */
const MAX_BATCH = 500;

/**
 * The complaints' numbers, for the marks streamed to cabinets (`statusMarkAdded { complaint { number } }`). A
 * number never changes after filing, so a process keeps the latest ones it has met (bounded, least recently used
 * go first): a stream learns its complaint's number when it opens, and the numbers it does not know are read for
 * every stream that asks in the same tick with one query.
 */
export class ComplaintNumbers {
  private readonly known = new LRUCache<string, string>({ max: MAX_NUMBERS });
  private readonly loader: DataLoader<string, string>;
  /** Queries made so far (tests and diagnostics). */
  reads = 0;

  constructor(db: DataSource) {
    this.loader = new DataLoader(
      async (ids) => {
        this.reads++;
        const rows = await db.manager.find(TrackedComplaint, { select: { complaintId: true, number: true }, where: { complaintId: In([...ids]) } });
        const found = new Map(rows.map((r) => [r.complaintId, r.number]));
        return ids.map((id) => {
          const number = found.get(id);
          if (number === undefined) return new Error(`Status does not track complaint ${id}`);
          this.known.set(id, number);
          return number;
        });
      },
      { cache: false, maxBatchSize: MAX_BATCH },
    );
  }

  remember(complaintId: string, number: string): void {
    this.known.set(complaintId, number);
  }

  /** The number at once when known, else read (with the other numbers asked for in this tick). */
  of(complaintId: string): string | Promise<string> {
    return this.known.get(complaintId) ?? this.loader.load(complaintId);
  }

  /** The number when known, else how to get it: read only if the field is asked for. */
  lazily(complaintId: string): NumberSource {
    return this.known.get(complaintId) ?? (() => this.of(complaintId));
  }
}
