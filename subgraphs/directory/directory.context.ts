import type { DataSource } from 'typeorm';
import type { AuthState } from '../../platform/auth';
import type { ReadCache } from '../../platform/read-cache';
import { AdministrativeUnitService } from './administrative-units/administrative-unit.service';
import { createDirectoryLoaders } from './cache/directory.loaders';
import { CompetenceService } from './competences/competence.service';
import { directoryStore, type DirectoryStore } from './directory.repositories';
import type { DirectoryRequest } from './directory.request';
import { JurisdictionService } from './jurisdiction/jurisdiction.service';
import { OfficialService } from './officials/official.service';
import { ServiceProviderService } from './service-providers/service-provider.service';

/** The directory's long-lived collaborators, shared by every request. */
export interface DirectoryDeps {
  store: DirectoryStore;
  /** The subgraph's read cache (cache/); admin writes never read through it. */
  cache: ReadCache;
}

export function createDirectoryDeps(db: DataSource, cache: ReadCache): DirectoryDeps {
  return { store: directoryStore(db), cache };
}

/** One service per entity, and jurisdiction; resolvers call nothing else. */
export interface DirectoryContext {
  auth: AuthState;
  officials: OfficialService;
  serviceProviders: ServiceProviderService;
  administrativeUnits: AdministrativeUnitService;
  competences: CompetenceService;
  jurisdiction: JurisdictionService;
}

export function createDirectoryContext(deps: DirectoryDeps, auth: AuthState): DirectoryContext {
  const request: DirectoryRequest = { auth, store: deps.store, loaders: createDirectoryLoaders(deps.store.read, deps.cache) };
  return {
    auth,
    officials: new OfficialService(request),
    serviceProviders: new ServiceProviderService(request),
    administrativeUnits: new AdministrativeUnitService(request),
    competences: new CompetenceService(request),
    jurisdiction: new JurisdictionService(request, deps.cache),
  };
}
