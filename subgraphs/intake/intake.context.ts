import type { AuthState } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import type { DirectoryClient } from './clients';
import { ComplaintReadingService, createIntakeLoaders, type ComplaintRepository } from './complaints';
import { ComplaintFilingService, type FilingRepository } from './filing';
import type { WorkingDayOnOrAfter } from './validation';

/** Intake's long-lived collaborators, shared by every request. */
export interface IntakeDeps {
  complaints: ComplaintRepository;
  filings: FilingRepository;
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
  const loaders = createIntakeLoaders(deps.complaints);
  return {
    auth,
    filing: new ComplaintFilingService(deps, auth),
    complaints: new ComplaintReadingService({ repository: deps.complaints, directory: deps.directory, clock: deps.clock }, loaders, auth),
  };
}
