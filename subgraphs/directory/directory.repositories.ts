import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../platform/database';
import { AdministrativeUnitRepository } from './administrative-units/administrative-unit.repository';
import { CompetenceRepository } from './competences/competence.repository';
import { OfficialRepository } from './officials/official.repository';
import { ServiceProviderRepository } from './service-providers/service-provider.repository';

/** One repository per entity, all on the same manager (the database, or one transaction). */
export interface DirectoryRepositories {
  officials: OfficialRepository;
  serviceProviders: ServiceProviderRepository;
  administrativeUnits: AdministrativeUnitRepository;
  competences: CompetenceRepository;
}

export function repositoriesOn(em: EntityManager): DirectoryRepositories {
  return {
    officials: new OfficialRepository(em),
    serviceProviders: new ServiceProviderRepository(em),
    administrativeUnits: new AdministrativeUnitRepository(em),
    competences: new CompetenceRepository(em),
  };
}

/** Runs `work` in one transaction (retried on deadlock) with repositories bound to it. */
export type DirectoryTransaction = <T>(work: (tx: DirectoryRepositories) => Promise<T>) => Promise<T>;

/** The directory's data access: reads outside any transaction, and writes in one. */
export interface DirectoryStore {
  read: DirectoryRepositories;
  transaction: DirectoryTransaction;
}

export function directoryStore(db: DataSource): DirectoryStore {
  return {
    read: repositoriesOn(db.manager),
    transaction: (work) => inTransaction(db, (em) => work(repositoriesOn(em))),
  };
}
