import { rejectInput } from '../validation/reject-input';
import { requireRole, type AuthState } from '../../../platform/auth';
import { Forbidden, NotFound } from '../../../platform/errors';
import { AsyncQueue } from '../../../platform/pubsub';
import type { ComplaintAccess } from '../access';
import { TrackedComplaintRepository } from '../complaints';
import { decodeCursor, encodeCursor, StatusMarkRepository, toStatusMark, type MarkScope, type StatusMark } from '../marks';
import type { DataSource } from 'typeorm';
import type { MarkDispatcher } from './mark-dispatcher';

/** Replay reads this many marks at a time, so a long absence does not load everything at once. */
const REPLAY_PAGE = 50;

/** What streaming marks needs of the process (`StatusDeps` has it all). */
export interface MarkStreamingDeps {
  db: DataSource;
  marks: MarkDispatcher;
}

/** The live feed of marks: `Subscription.statusMarkAdded`. */
export class MarkStreamingService {
  /**
   * Where the last stream opened through this service starts: `after`, or the newest mark in its scope when it
   * was opened. The WebSocket server sends it first to a client that asks (`extensions.pinStart`), so a client
   * (the gateway) that loses the connection before the first mark can still resume without a gap.
   */
  startCursor?: string;

  constructor(
    private readonly deps: MarkStreamingDeps,
    private readonly auth: AuthState,
    private readonly access: ComplaintAccess,
  ) {}

  /**
   * Citizens: one of their complaints, or all of them. Clerks and officials: one complaint they may read. A citizen
   * may subscribe to a complaint status has not heard of yet (its filing event is on the way): the marks are
   * filtered by their own IIN anyway.
   */
  private async scope(complaintId: string | null | undefined): Promise<MarkScope> {
    const viewer = requireRole(this.auth, 'citizen', 'clerk', 'official');
    const tracked = complaintId ? await new TrackedComplaintRepository(this.deps.db.manager).byId(complaintId) : null;
    if (viewer.role === 'citizen') {
      if (tracked && tracked.applicantIin !== viewer.iin) throw new Forbidden('This complaint belongs to another applicant');
      return { complaintId: complaintId ?? undefined, applicantIin: viewer.iin };
    }
    if (!complaintId) rejectInput('complaintId', 'Officials subscribe to one complaint: give complaintId');
    if (!tracked) throw new NotFound('Complaint', complaintId);
    await this.access.requireRead(tracked);
    return { complaintId };
  }

  /**
   * Delivers marks in cursor order, read from the database: a published mark only says "read on". Marks of one
   * complaint, and of one applicant, commit in `seq` order (version check; the applicant lock), but two requests'
   * publishes can still reach this process in the other order; reading everything after the last delivered cursor
   * on each notice makes the stream gapless and ordered anyway (a cabinet resuming `after` the last mark it saw
   * cannot skip one). A mark whose publish was lost is found by the dispatcher's poll of the database (see
   * MarkDispatcher). With `after`, the first read is the replay; without it, the stream starts at the newest mark
   * now on record in its scope, and that starting point is kept in `startCursor`.
   */
  async statusMarkAdded(complaintId?: string | null, after?: string | null): Promise<AsyncIterableIterator<StatusMark>> {
    const afterSeq = after == null ? null : decodeCursor(after);
    if (after != null && afterSeq === null) rejectInput('after', 'after must be a cursor of a status mark');
    const scope = await this.scope(complaintId);
    const marks = new StatusMarkRepository(this.deps.db.manager);

    let last: number | null = null; // the cursor delivered last; null until the start is known
    let reading = false;
    let again = false;
    const readOn = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const rows = await marks.after(last!, scope, REPLAY_PAGE);
          for (const row of rows) {
            queue.push(toStatusMark(row));
            last = row.seq;
          }
          if (rows.length === REPLAY_PAGE) again = true;
        } while (again);
      } finally {
        reading = false;
      }
    };

    let unsubscribe: () => void = () => undefined;
    const queue = new AsyncQueue<StatusMark>(async () => unsubscribe());
    const key = scope.complaintId ? { complaintId: scope.complaintId } : { applicantIin: scope.applicantIin! };
    unsubscribe = await this.deps.marks.listen(key, (mark) => {
      // Before the start is known, the first read below covers the mark. A failed read is retried at the next
      // notice of the stream or the dispatcher's next poll, which hands out recent marks again.
      if (last !== null && mark.seq > last) readOn().catch(() => undefined);
    });
    try {
      if (afterSeq !== null) last = Number(afterSeq);
      else last = await marks.newestSeq(scope);
      this.startCursor = encodeCursor(last);
      await readOn();
    } catch (err) {
      await queue.return();
      throw err;
    }
    return queue;
  }
}
