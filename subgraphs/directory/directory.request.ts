import type { AuthState } from '../../platform/auth';
import type { DirectoryLoaders } from './cache/directory.loaders';
import type { DirectoryStore } from './directory.repositories';

/** What every directory service gets for one request: the caller, the data access, and the request's loaders. */
export interface DirectoryRequest {
  auth: AuthState;
  store: DirectoryStore;
  loaders: DirectoryLoaders;
}
