import type { AuthState } from '../../platform/auth';
import { ComplaintService, type ComplaintServiceDeps } from './complaint.service';

export interface IntakeContext {
  auth: AuthState;
  complaints: ComplaintService;
}

export function createIntakeContext(deps: ComplaintServiceDeps, auth: AuthState): IntakeContext {
  return { auth, complaints: new ComplaintService(deps, auth) };
}
