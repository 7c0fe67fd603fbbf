import type { DataSource } from 'typeorm';
import type { PubSub } from '../../../platform/pubsub';
import { StatusMarkRepository, type MarkPosition, type StatusMarkRecord } from '../marks';
import { STATUS_MARK_CHANNEL, type MarkMessage } from './mark-channel';

/**
 * A committed mark's position, and the whole mark when the notice comes from its writer (pub/sub): with its stream
 * sequences a listener can deliver it without reading it again. The poll's notices carry the position only.
 */
export interface MarkNotice extends MarkPosition {
  mark?: StatusMarkRecord;
}
export type MarkListener = (mark: MarkNotice) => void;

/** Which marks a subscription follows: one complaint, or every complaint of one applicant. */
export type MarkKey = { complaintId: string } | { applicantIin: string };

/**
 * Marks whose sequence was taken this many numbers before the newest one seen are still looked at by the poll:
 * on MySQL a mark can commit a moment after a later-numbered one (the number is taken at INSERT, the row shows at
 * COMMIT). A repeated notice costs a comparison (the listener has delivered it already).
 */
const POLL_LOOKBACK = 200;
/** Most marks one poll reads; the rest come at the next tick, which is then run at once. */
const POLL_PAGE = 1000;
/**
 * How long the tick's marks wait for their notices before their positions are handed out (at most a quarter of
 * `pollMs`), so a lost notice still arrives within the ≤ 2 s README states at the default 1 s period.
 */
const NOTICE_GRACE_MS = 250;
/** How long a new listener waits for Redis to confirm SUBSCRIBE before relying on the poll alone. */
const SUBSCRIBE_WAIT_MS = 1000;

export interface MarkDispatcherOptions {
  /** The poll reads marks committed since the last tick from here; without it only notices wake listeners. */
  db?: DataSource;
  pollMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * One pub/sub listener per process. Each published mark is decoded once and handed only to the subscriptions
 * following its complaint or its applicant, so the cost of a mark does not grow with the number of open cabinets.
 *
 * A notice carries the whole mark: a stream delivers it as it comes when it is the next of its sequence, and reads
 * from the database otherwise (OrderedMarkStream). A publish lost while Redis is down, or never sent because the
 * writing process died between COMMIT and PUBLISH, must not leave a mark undelivered, even when no later mark of
 * its stream shows the gap. So, while any subscription is open, the
 * dispatcher also reads the marks committed since its last tick from the database every `pollMs` (one query per
 * process, not per subscription) and at each Redis (re)connect, and hands them out like notices. A committed mark
 * thus reaches every open stream within about `pollMs` plus `NOTICE_GRACE_MS` plus one read, whatever happens to
 * the notice channel.
 *
 * The timer's tick hands out what it read `NOTICE_GRACE_MS` later: a mark committed just before a tick usually has
 * its notice still on the way, and a position alone makes its stream read the database. Under load (1,000 marks/s,
 * notices 20–80 ms behind their commit) handing them out at once cost ~70 needless stream reads a second, more the
 * further behind the notices were. A reconnect, and `pollNow`, hand out everything at once: notices were lost.
 */
export class MarkDispatcher {
  private readonly byComplaint = new Map<string, Set<MarkListener>>();
  private readonly byApplicant = new Map<string, Set<MarkListener>>();
  private live?: Promise<unknown>;
  private timer?: NodeJS.Timeout;
  /** Highest `seq` the poll has seen; null until the first tick sets it. */
  private seen: number | null = null;
  /** Timers handing out what a tick read, once its notices had their grace. */
  private readonly held = new Set<NodeJS.Timeout>();
  private polling?: Promise<void>;
  private pollAgain = false;
  /** The poll asked for meanwhile hands everything out at once. */
  private handOutAll = false;
  private closed = false;

  constructor(
    private readonly pubsub: PubSub,
    private readonly options: MarkDispatcherOptions = {},
  ) {
    pubsub.onReconnect?.(() => this.pollSoon(true));
  }

  /**
   * Resolves once marks published from now on reach `listener` (or, when Redis does not confirm in time, once the
   * poll is running: it then brings them within its period); the result removes it.
   */
  async listen(key: MarkKey, listener: MarkListener): Promise<() => void> {
    this.live ??= this.pubsub.subscribe(STATUS_MARK_CHANNEL, (message) => this.dispatch(message as MarkMessage));
    const live = this.live;
    try {
      if (this.options.db) {
        await Promise.race([live, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
      } else await live;
    } catch (err) {
      if (this.live === live) this.live = undefined; // the next listener asks Redis again
      if (!this.options.db) throw err;
    }
    const [index, id] = 'complaintId' in key ? [this.byComplaint, key.complaintId] : [this.byApplicant, key.applicantIin];
    let set = index.get(id);
    if (!set) index.set(id, (set = new Set()));
    set.add(listener);
    this.startPolling();
    return () => {
      set!.delete(listener);
      if (set!.size === 0 && index.get(id) === set) index.delete(id);
      if (this.size === 0) this.stopPolling();
    };
  }

  /** Open subscriptions, for tests and diagnostics. */
  get size(): number {
    let n = 0;
    for (const index of [this.byComplaint, this.byApplicant]) for (const set of index.values()) n += set.size;
    return n;
  }

  close(): void {
    this.closed = true;
    this.stopPolling();
  }

  /** Reads the marks committed since the last tick and hands them out now (tests; Redis reconnects). */
  pollNow(): Promise<void> {
    return this.pollOnce(true);
  }

  /** What the timer runs every `pollMs`: reads what is new, and hands it out after the notices' grace. */
  tick(): Promise<void> {
    return this.pollOnce(false);
  }

  private pollOnce(handOutAll: boolean): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      this.handOutAll ||= handOutAll;
      return this.polling;
    }
    this.polling = this.poll(handOutAll)
      .catch((err) => this.options.onError?.(err))
      .finally(() => {
        this.polling = undefined;
        if (this.pollAgain) {
          this.pollAgain = false;
          const all = this.handOutAll;
          this.handOutAll = false;
          this.pollSoon(all);
        }
      });
    return this.polling;
  }

  private pollSoon(handOutAll = false): void {
    if (this.options.db && !this.closed && this.size > 0) void this.pollOnce(handOutAll);
  }

  private startPolling(): void {
    if (!this.options.db || this.timer || this.closed) return;
    this.timer = setInterval(() => this.pollSoon(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.seen = null;
    for (const timer of this.held) clearTimeout(timer);
    this.held.clear();
  }

  private async poll(handOutAll: boolean): Promise<void> {
    const marks = new StatusMarkRepository(this.options.db!.manager);
    // Listeners read what was committed before they started themselves; the poll covers what comes after.
    if (this.seen === null) this.seen = (await marks.newest())?.seq ?? 0;
    const rows = await marks.positionsAfter(Math.max(0, this.seen - POLL_LOOKBACK), POLL_PAGE);
    for (const row of rows) if (row.seq > this.seen) this.seen = row.seq;
    if (rows.length === POLL_PAGE) this.pollAgain = true;
    if (handOutAll) return rows.forEach((row) => this.notify(row));
    const timer = setTimeout(() => {
      this.held.delete(timer);
      rows.forEach((row) => this.notify(row));
    }, Math.min(NOTICE_GRACE_MS, (this.options.pollMs ?? 1000) / 4));
    timer.unref();
    this.held.add(timer);
  }

  private dispatch(message: MarkMessage | StatusMarkRecord): void {
    // Over Redis the instant comes as JSON text; in process the record itself.
    const mark = typeof message.at === 'string' ? { ...message, at: new Date(message.at) } : (message as StatusMarkRecord);
    this.notify({ seq: mark.seq, complaintId: mark.complaintId, applicantIin: mark.applicantIin, mark });
  }

  private notify(mark: MarkNotice): void {
    const forComplaint = this.byComplaint.get(mark.complaintId);
    const forApplicant = this.byApplicant.get(mark.applicantIin);
    forComplaint?.forEach((listener) => listener(mark));
    forApplicant?.forEach((listener) => listener(mark));
  }
}
