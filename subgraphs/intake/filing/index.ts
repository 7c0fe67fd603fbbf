/** Filing a complaint on the portal or at an office: resolver, service, its repository (group commit), numbers and talons. */
export { ComplaintFilingService, type FilingDeps } from './complaint-filing.service';
export { FilingRepository } from './filing.repository';
export { FilingResolver } from './filing.resolver';
