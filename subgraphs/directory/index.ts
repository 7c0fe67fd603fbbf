import type { DatabaseDefinition } from '../../platform/database';
import { buildFederatedSchema } from '../../platform/federated-schema';
import type { ReadCache } from '../../platform/read-cache';
import type { SubgraphDefinition } from '../../platform/subgraph-server';
// Folders load in this order (alphabetical): the printed SDL (schema/directory.graphql) follows it.
import { AdministrativeUnitRecord, administrativeUnitReference, AdministrativeUnitResolver } from './administrative-units';
import { startDirectoryReadCache } from './cache';
import { CompetenceRecord, CompetenceResolver } from './competences';
import { createDirectoryContext, createDirectoryDeps, type DirectoryContext, type DirectoryDeps } from './directory.context';
import { seedDemoDirectory } from './directory.seed';
import { JurisdictionResolver } from './jurisdiction';
import { directoryMigrations } from './migrations';
import { OfficialRecord, officialReference, OfficialResolver } from './officials';
import { ServiceProviderRecord, serviceProviderReference, ServiceProviderResolver } from './service-providers';

export const directoryDatabase: DatabaseDefinition = {
  service: 'directory',
  entities: [OfficialRecord, ServiceProviderRecord, AdministrativeUnitRecord, CompetenceRecord],
  migrations: directoryMigrations,
};

export function buildDirectorySchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        OfficialResolver,
        ServiceProviderResolver,
        AdministrativeUnitResolver,
        CompetenceResolver,
        JurisdictionResolver,
      ],
    },
    { ...officialReference, ...serviceProviderReference, ...administrativeUnitReference },
  );
}

export function directorySubgraph(): SubgraphDefinition<DirectoryContext> {
  let deps: DirectoryDeps;
  return {
    name: 'directory',
    database: directoryDatabase,
    buildSchema: buildDirectorySchema,
    context: (_rt, auth) => createDirectoryContext(deps, auth),
    onStart: async (rt) => {
      const readCache = await startDirectoryReadCache(rt);
      deps = createDirectoryDeps(rt.db, readCache.cache);
      try {
        if (rt.config.seedDemoData && (await seedDemoDirectory(rt.db))) rt.logger.info('demo directory loaded');
      } catch (err) {
        await readCache.stop();
        throw err;
      }
      return { stop: readCache.stop };
    },
  };
}
