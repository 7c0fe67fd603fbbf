import type { PubSub } from '../../platform/pubsub';
import { StatusMarkRecord } from './status-mark.entity';
import { STATUS_MARK_CHANNEL } from './status.deps';

/** A mark as it travels over pub/sub (JSON). */
type MarkMessage = Omit<StatusMarkRecord, 'at'> & { at: string };

export type MarkListener = (mark: StatusMarkRecord) => void;

/** Which marks a subscription follows: one complaint, or every complaint of one applicant. */
export type MarkKey = { complaintId: string } | { applicantIin: string };

/**
 * One pub/sub listener per process. Each published mark is decoded once and handed only to the subscriptions
 * following its complaint or its applicant, so the cost of a mark does not grow with the number of open cabinets.
 */
export class MarkDispatcher {
  private readonly byComplaint = new Map<string, Set<MarkListener>>();
  private readonly byApplicant = new Map<string, Set<MarkListener>>();
  private live?: Promise<unknown>;

  constructor(private readonly pubsub: PubSub) {}

  /** Resolves once marks published from now on reach `listener`; the result removes it. */
  async listen(key: MarkKey, listener: MarkListener): Promise<() => void> {
    this.live ??= this.pubsub.subscribe(STATUS_MARK_CHANNEL, (message) => this.dispatch(message as MarkMessage));
    try {
      await this.live;
    } catch (err) {
      this.live = undefined;
      throw err;
    }
    const [index, id] = 'complaintId' in key ? [this.byComplaint, key.complaintId] : [this.byApplicant, key.applicantIin];
    let set = index.get(id);
    if (!set) index.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0 && index.get(id) === set) index.delete(id);
    };
  }

  /** Open subscriptions, for tests and diagnostics. */
  get size(): number {
    let n = 0;
    for (const index of [this.byComplaint, this.byApplicant]) for (const set of index.values()) n += set.size;
    return n;
  }

  private dispatch(message: MarkMessage): void {
    const forComplaint = this.byComplaint.get(message.complaintId);
    const forApplicant = this.byApplicant.get(message.applicantIin);
    if (!forComplaint && !forApplicant) return;
    const mark = Object.assign(new StatusMarkRecord(), message, { at: new Date(message.at) });
    forComplaint?.forEach((listener) => listener(mark));
    forApplicant?.forEach((listener) => listener(mark));
  }
}
