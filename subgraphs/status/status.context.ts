import type { AuthState } from '../../platform/auth';
import { ComplaintAccess } from './access';
import { CalendarAdminService } from './calendar/calendar-admin.service';
import type { CalendarStore } from './calendar/calendar-store';
import { ComplaintStatisticsService } from './statistics/complaint-statistics.service';
import type { StatusDeps } from './status.deps';
import { StatusMarkFeedService } from './feed/mark-streaming.service';
import { StatusMarkService } from './marks/mark-writing.service';
import { StatusService } from './timeline/timeline-reading.service';

export interface StatusContext {
  auth: AuthState;
  status: StatusService;
  marks: StatusMarkService;
  feed: StatusMarkFeedService;
  statistics: ComplaintStatisticsService;
  calendar: CalendarStore;
  calendarAdmin: CalendarAdminService;
}

export function createStatusContext(deps: StatusDeps, auth: AuthState): StatusContext {
  const access = new ComplaintAccess(deps.db, deps.directory, auth);
  return {
    auth,
    status: new StatusService(deps.db, auth, access, deps.clock, deps.directory),
    marks: new StatusMarkService(deps, auth, access),
    feed: new StatusMarkFeedService(deps, auth, access),
    statistics: new ComplaintStatisticsService(deps.db, auth, deps.clock),
    calendar: deps.calendar,
    calendarAdmin: new CalendarAdminService(deps.db, deps.calendar, auth, () => deps.clock.now()),
  };
}
