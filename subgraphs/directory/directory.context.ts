import type { DataSource } from 'typeorm';
import type { AuthState } from '../../platform/auth';
import { createDirectoryLoaders, type DirectoryLoaders } from './directory.loaders';
import { JurisdictionService } from './jurisdiction.service';

export interface DirectoryContext {
  auth: AuthState;
  db: DataSource;
  loaders: DirectoryLoaders;
  jurisdiction: JurisdictionService;
}

export function createDirectoryContext(db: DataSource, auth: AuthState): DirectoryContext {
  const loaders = createDirectoryLoaders(db);
  return { auth, db, loaders, jurisdiction: new JurisdictionService(db, loaders) };
}
