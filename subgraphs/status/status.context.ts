import type { AuthState } from '../../platform/auth';
import { ComplaintAccess } from './access';
import { CalendarAdminService, WorkingDaysService } from './calendar';
import { TrackedComplaintRepository } from './complaints';
import { MarkStreamingService } from './feed';
import { MarkWritingService, StatusMarkRepository } from './marks';
import { ComplaintStatisticsService, StatisticsRepository } from './statistics';
import type { StatusDeps } from './status.deps';
import { TimelineReadingService } from './timeline';

/** One request's services (each checks the caller's access first), made from the process's `StatusDeps`. */
export interface StatusContext {
  auth: AuthState;
  timeline: TimelineReadingService;
  markWriting: MarkWritingService;
  markStreaming: MarkStreamingService;
  statistics: ComplaintStatisticsService;
  workingDays: WorkingDaysService;
  calendarAdmin: CalendarAdminService;
}

export function createStatusContext(deps: StatusDeps, auth: AuthState): StatusContext {
  const access = new ComplaintAccess(deps.db, deps.directory, auth);
  const em = deps.db.manager;
  return {
    auth,
    timeline: new TimelineReadingService(new TrackedComplaintRepository(em), new StatusMarkRepository(em), auth, access, deps.clock, deps.directory),
    markWriting: new MarkWritingService(deps, auth, access),
    markStreaming: new MarkStreamingService(deps, auth, access),
    statistics: new ComplaintStatisticsService(new StatisticsRepository(em), auth, deps.clock),
    workingDays: new WorkingDaysService(deps.calendar),
    calendarAdmin: new CalendarAdminService(deps.db, deps.calendar, auth, () => deps.clock.now()),
  };
}
