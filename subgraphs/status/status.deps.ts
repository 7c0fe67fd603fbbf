import type { DataSource } from 'typeorm';
import type { Clock } from '../../platform/clock';
import type { PubSub } from '../../platform/pubsub';
import type { CalendarStore } from './calendar';
import type { StatusDirectoryClient } from './clients';
import type { ComplaintNumbers } from './complaints';
import type { MarkDispatcher } from './feed/mark-dispatcher';
import type { StatusMarkRecord } from './marks';

/** Status's long-lived collaborators, made once per process in `index.ts`. */
export interface StatusDeps {
  db: DataSource;
  /** "Now" for every term (tests set it). */
  clock: Clock;
  directory: StatusDirectoryClient;
  pubsub: PubSub;
  /** Hands published marks to the live subscriptions of this process. */
  marks: MarkDispatcher;
  /** The numbers of the complaints whose marks this process streams (they never change). */
  complaintNumbers: ComplaintNumbers;
  /** Fans a committed mark out to subscribers (on every instance). */
  publish: (mark: StatusMarkRecord) => void;
  /** Called after a commit that queued outbox events (to intake), so the relay sends them at once. */
  onEventsQueued?: () => void;
  /** This instance's working-day calendar (seed + administrator's entries), reloaded on every change. */
  calendar: CalendarStore;
}
