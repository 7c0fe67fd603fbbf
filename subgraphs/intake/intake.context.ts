import type { AuthState } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { ComplaintFilingService } from './complaint-filing.service';
import { ComplaintReadingService } from './complaint-reading.service';
import { createIntakeLoaders } from './complaint.loaders';
import type { ComplaintRepository } from './complaint.repository';
import type { DirectoryClient } from './directory.client';
import type { WorkingDayOnOrAfter } from './validation/filing-term.rule';

/** Intake's long-lived collaborators, shared by every request. */
export interface IntakeDeps {
  repository: ComplaintRepository;
  directory: DirectoryClient;
  /** The first working day on or after a date, from status's calendar (filing term, APPC Art. 92). */
  workingDayOnOrAfter: WorkingDayOnOrAfter;
  /** Called after a commit that queued events. */
  onEventsQueued: () => void;
  /** "Now": the filing date and time (tests set it). */
  clock: Clock;
}

export interface IntakeContext {
  auth: AuthState;
  filing: ComplaintFilingService;
  complaints: ComplaintReadingService;
}

export function createIntakeContext(deps: IntakeDeps, auth: AuthState): IntakeContext {
  const loaders = createIntakeLoaders(deps.repository);
  return {
    auth,
    filing: new ComplaintFilingService(deps, auth),
    complaints: new ComplaintReadingService(deps, loaders, auth),
  };
}
