import { MoreThan } from 'typeorm';
import { requireRole, type AuthState } from '../../platform/auth';
import { BadUserInput, Forbidden, NotFound } from '../../platform/errors';
import { AsyncQueue } from '../../platform/pubsub';
import { mayActOn } from './complaint-access';
import { StatusMarkRecord } from './status-mark.entity';
import { decodeCursor, toStatusMark } from './status-mark.mapper';
import type { StatusMark } from './status-mark.type';
import type { StatusDeps } from './status.deps';
import { TrackedComplaint } from './tracked-complaint.entity';

/** Replay reads this many marks at a time, so a long absence does not load everything at once. */
const REPLAY_PAGE = 50;

interface Scope {
  complaintId?: string;
  applicantIin?: string;
}

/** The live feed of marks: `Subscription.statusMarkAdded`. */
export class StatusMarkFeedService {
  constructor(
    private readonly deps: StatusDeps,
    private readonly auth: AuthState,
  ) {}

  /**
   * Citizens: one of their complaints, or all of them. Officials: one complaint they may act on. A citizen
   * may subscribe to a complaint status has not heard of yet (its filing event is on the way): the marks are
   * filtered by their own IIN anyway.
   */
  private async scope(complaintId: string | null | undefined): Promise<Scope> {
    const viewer = requireRole(this.auth, 'citizen', 'official');
    const tracked = complaintId ? await this.deps.db.getRepository(TrackedComplaint).findOneBy({ complaintId }) : null;
    if (viewer.role === 'citizen') {
      if (tracked && tracked.applicantIin !== viewer.iin) throw new Forbidden('This complaint belongs to another applicant');
      return { complaintId: complaintId ?? undefined, applicantIin: viewer.iin };
    }
    if (!complaintId) throw new BadUserInput('Officials subscribe to one complaint: give complaintId', 'complaintId');
    if (!tracked) throw new NotFound('Complaint', complaintId);
    if (!(await mayActOn(tracked, viewer.officialId!, this.deps.directory))) {
      throw new Forbidden('This complaint is not in your competence');
    }
    return { complaintId };
  }

  /**
   * Subscribes to pub/sub first and buffers; then replays the marks after `after` from the database; then
   * releases the buffer without the marks the replay already gave. A mark committed while the replay runs is
   * thus either in the replay or in the buffer, and never twice.
   */
  async statusMarkAdded(complaintId?: string | null, after?: string | null): Promise<AsyncIterableIterator<StatusMark>> {
    const afterSeq = after == null ? null : decodeCursor(after);
    if (after != null && afterSeq === null) throw new BadUserInput('after must be a cursor of a status mark', 'after');
    const scope = await this.scope(complaintId);
    const matches = (m: StatusMarkRecord) =>
      (!scope.complaintId || m.complaintId === scope.complaintId) &&
      (!scope.applicantIin || m.applicantIin === scope.applicantIin);

    const replayed = new Set<string>();
    let buffer: StatusMarkRecord[] | null = afterSeq === null ? null : [];
    let unsubscribe: () => void = () => undefined;
    const queue = new AsyncQueue<StatusMark>(async () => unsubscribe());
    const deliver = (m: StatusMarkRecord) => {
      if (!replayed.has(m.id)) queue.push(toStatusMark(m));
    };
    const key = scope.complaintId ? { complaintId: scope.complaintId } : { applicantIin: scope.applicantIin! };
    unsubscribe = await this.deps.marks.listen(key, (mark) => {
      if (!matches(mark)) return;
      if (buffer) buffer.push(mark);
      else deliver(mark);
    });
    if (afterSeq !== null) {
      try {
        for (let last = Number(afterSeq); ; ) {
          const rows = await this.deps.db.getRepository(StatusMarkRecord).find({
            where: {
              seq: MoreThan(last),
              ...(scope.complaintId ? { complaintId: scope.complaintId } : {}),
              ...(scope.applicantIin ? { applicantIin: scope.applicantIin } : {}),
            },
            order: { seq: 'ASC' },
            take: REPLAY_PAGE,
          });
          for (const row of rows) {
            queue.push(toStatusMark(row));
            replayed.add(row.id);
          }
          if (rows.length < REPLAY_PAGE) break;
          last = rows[rows.length - 1].seq;
        }
      } catch (err) {
        await queue.return();
        throw err;
      }
      const pending = buffer!;
      buffer = null;
      for (const m of pending.sort((a, b) => a.seq - b.seq)) deliver(m);
    }
    return queue;
  }
}
