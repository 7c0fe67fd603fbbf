import { requireRole, type AuthState } from '../../../platform/auth';
import { Forbidden, NotFound } from '../../../platform/errors';
import { AsyncQueue } from '../../../platform/pubsub';
import type { ComplaintAccess } from '../access';
import { TrackedComplaintRepository, type ComplaintNumbers } from '../complaints';
import { decodeCursor, encodeCursor, StatusMarkRepository, toStatusMark, type MarkScope, type StatusMark } from '../marks';
import type { DataSource } from 'typeorm';
import type { MarkDispatcher } from './mark-dispatcher';
import { OrderedMarkStream } from './ordered-mark-stream';
import { rejectInput } from '../../../platform/validation';

/** What streaming marks needs of the process (`StatusDeps` has it all). */
export interface MarkStreamingDeps {
  db: DataSource;
  marks: MarkDispatcher;
  /** The numbers of the marks' complaints, so a delivered mark answers `complaint { number }` without a read. */
  complaintNumbers: ComplaintNumbers;
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
    if (tracked) this.deps.complaintNumbers.remember(tracked.complaintId, tracked.number);
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
   * Delivers marks in cursor order (see OrderedMarkStream): the next mark of the stream as its notice brings it,
   * anything else by reading from the database after the last delivered cursor, so a cabinet resuming `after` the
   * last mark it saw cannot skip one. A mark whose notice was lost is found at the next notice of its stream (a gap)
   * or by the dispatcher's poll of the database (see MarkDispatcher). With `after`, the first read is the replay;
   * without it, the stream starts at the newest mark now on record in its scope, kept in `startCursor`.
   */
  async statusMarkAdded(complaintId?: string | null, after?: string | null): Promise<AsyncIterableIterator<StatusMark>> {
    const afterSeq = after == null ? null : decodeCursor(after);
    if (after != null && afterSeq === null) rejectInput('after', 'after must be a cursor of a status mark');
    const scope = await this.scope(complaintId);
    const marks = new StatusMarkRepository(this.deps.db.manager);

    let unsubscribe: () => void = () => undefined;
    const queue = new AsyncQueue<StatusMark>(async () => unsubscribe());
    const numbers = this.deps.complaintNumbers;
    const stream = new OrderedMarkStream(
      scope,
      (seq, s, take) => marks.after(seq, s, take),
      (mark) => queue.push(toStatusMark(mark, numbers.lazily(mark.complaintId))),
    );
    const key = scope.complaintId ? { complaintId: scope.complaintId } : { applicantIin: scope.applicantIin! };
    unsubscribe = await this.deps.marks.listen(key, (mark) => stream.notice(mark));
    try {
      const from = afterSeq !== null ? { seq: Number(afterSeq) } : ((await marks.newest(scope)) ?? { seq: 0 });
      this.startCursor = encodeCursor(from.seq);
      await stream.start(from);
    } catch (err) {
      await queue.return();
      throw err;
    }
    return queue;
  }
}
