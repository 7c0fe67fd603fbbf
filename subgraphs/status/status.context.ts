import type { DataSource } from 'typeorm';
import type { AuthState } from '../../platform/auth';
import { StatusService } from './status.service';

export interface StatusContext {
  auth: AuthState;
  status: StatusService;
}

export function createStatusContext(db: DataSource, auth: AuthState): StatusContext {
  return { auth, status: new StatusService(db, auth) };
}
