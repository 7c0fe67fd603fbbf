import type { MarkScope, StatusMarkRecord } from '../marks';
import type { MarkNotice } from './mark-dispatcher';

/** Replay and catch-up read this many marks at a time, so a long absence does not load everything at once. */
const READ_PAGE = 50;

/** How the stream reads marks from the database: the ones in `scope` after `seq`, oldest first. */
export type ReadMarksAfter = (seq: number, scope: MarkScope, take: number) => Promise<StatusMarkRecord[]>;

/**
 * One subscription's marks, delivered in `seq` order with no gap and no duplicate. Marks of one complaint, and of
 * one applicant, commit in `seq` order and carry their place in that stream (`complaintSeq`, `applicantSeq`), but
 * notices can be lost (Redis down, a writer dying between COMMIT and PUBLISH) or reach this process out of order
 * (two writers). So a notice is delivered as it comes only when it is the next mark of the stream (sequence n + 1
 * after n); otherwise (a gap, a reordering, a position not known yet: at the start, after a resume, on marks written
 * before the sequences were kept) the stream reads everything after the last delivered `seq` from the database.
 */
export class OrderedMarkStream {
  /** `seq` of the mark delivered last (the cursor to read after); null until the start is known. */
  private lastSeq: number | null = null;
  /** Its place in this stream; null when not known (then the next notice reads). */
  private lastPosition: number | null = null;
  private reading = false;
  private again = false;
  /** Reads from the database so far (diagnostics and tests). */
  reads = 0;

  constructor(
    private readonly scope: MarkScope,
    private readonly read: ReadMarksAfter,
    private readonly deliver: (mark: StatusMarkRecord) => void,
  ) {}

  /** A subscription on one complaint follows that complaint's sequence; otherwise the applicant's. */
  private position(mark: Pick<StatusMarkRecord, 'complaintSeq' | 'applicantSeq'>): number | null {
    return (this.scope.complaintId ? mark.complaintSeq : mark.applicantSeq) ?? null;
  }

  private inScope(complaintId: string, applicantIin: string): boolean {
    return (!this.scope.complaintId || complaintId === this.scope.complaintId) && (!this.scope.applicantIin || applicantIin === this.scope.applicantIin);
  }

  /** Starts after `from` (a mark's `seq` and stream sequences, or 0 and none) and reads what came after it. */
  start(from: { seq: number; complaintSeq?: number | null; applicantSeq?: number | null }): Promise<void> {
    this.lastSeq = from.seq;
    this.lastPosition = this.position({ complaintSeq: from.complaintSeq ?? null, applicantSeq: from.applicantSeq ?? null });
    return this.readOn();
  }

  /**
   * A committed mark, whole from pub/sub or its position only from the dispatcher's poll (a position alone always
   * reads: its notice did not come, or not yet). Before the start is known, the start's read covers it;
   * a failed read is retried at the next notice of the stream or the dispatcher's next poll.
   */
  notice({ seq, complaintId, applicantIin, mark }: MarkNotice): void {
    if (this.lastSeq === null || seq <= this.lastSeq || !this.inScope(complaintId, applicantIin)) return;
    if (mark && !this.reading && this.lastPosition !== null && this.position(mark) === this.lastPosition + 1) this.take(mark);
    else this.readOn().catch(() => undefined);
  }

  private take(mark: StatusMarkRecord): void {
    this.deliver(mark);
    this.lastSeq = mark.seq;
    this.lastPosition = this.position(mark);
  }

  private async readOn(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        this.reads++;
        const rows = await this.read(this.lastSeq!, this.scope, READ_PAGE);
        rows.forEach((row) => this.take(row));
        if (rows.length === READ_PAGE) this.again = true;
      } while (this.again);
    } finally {
      this.reading = false;
    }
  }
}
