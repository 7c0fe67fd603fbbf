import type { DataSource } from 'typeorm';
import type { AuthState } from '../../platform/auth';
import { createDirectoryLoaders, type DirectoryLoaders } from './cache/directory.loaders';
import { JurisdictionService } from './jurisdiction/jurisdiction.service';
import type { ReadCache } from '../../platform/read-cache';

export interface DirectoryContext {
  auth: AuthState;
  db: DataSource;
  loaders: DirectoryLoaders;
  jurisdiction: JurisdictionService;
}

/** `cache` is the subgraph's read cache, shared by all requests; admin writes never read through it. */
export function createDirectoryContext(db: DataSource, auth: AuthState, cache: ReadCache): DirectoryContext {
  const loaders = createDirectoryLoaders(db, cache);
  return { auth, db, loaders, jurisdiction: new JurisdictionService(db, loaders, cache) };
}
