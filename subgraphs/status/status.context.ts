import type { AuthState } from '../../platform/auth';
import { ComplaintAccess } from './access';
import { ComplaintStatisticsService } from './complaint-statistics.service';
import type { StatusDeps } from './status.deps';
import { StatusMarkFeedService } from './status-mark-feed.service';
import { StatusMarkService } from './status-mark.service';
import { StatusService } from './status.service';

export interface StatusContext {
  auth: AuthState;
  status: StatusService;
  marks: StatusMarkService;
  feed: StatusMarkFeedService;
  statistics: ComplaintStatisticsService;
}

export function createStatusContext(deps: StatusDeps, auth: AuthState): StatusContext {
  const access = new ComplaintAccess(deps.db, deps.directory, auth);
  return {
    auth,
    status: new StatusService(deps.db, auth, access),
    marks: new StatusMarkService(deps, auth, access),
    feed: new StatusMarkFeedService(deps, auth, access),
    statistics: new ComplaintStatisticsService(deps.db, auth),
  };
}
