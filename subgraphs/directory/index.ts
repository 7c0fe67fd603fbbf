import type { DatabaseDefinition } from '../../platform/database';
import { buildFederatedSchema } from '../../platform/federated-schema';
import type { SubgraphDefinition } from '../../platform/subgraph-server';
import { AdministrativeUnitResolver } from './administrative-units/administrative-unit.resolver';
import { AdministrativeUnit } from './administrative-units/administrative-unit.type';
import { CompetenceResolver } from './competences/competence.resolver';
import { Competence } from './competences/competence.type';
import { createDirectoryContext, type DirectoryContext } from './directory.context';
import { directoryReferenceResolvers } from './directory.reference';
import { seedDemoDirectory } from './directory.seed';
import { JurisdictionResolver } from './jurisdiction/jurisdiction.resolver';
import { directoryMigrations } from './migrations';
import { OfficialResolver } from './officials/official.resolver';
import { Official } from './officials/official.type';
import type { ReadCache } from '../../platform/read-cache';
import { startDirectoryReadCache } from './cache/read-cache-invalidation';
import { ServiceProviderResolver } from './service-providers/service-provider.resolver';
import { ServiceProvider } from './service-providers/service-provider.type';

export const directoryDatabase: DatabaseDefinition = {
  service: 'directory',
  entities: [Official, ServiceProvider, AdministrativeUnit, Competence],
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
    directoryReferenceResolvers,
  );
}

export function directorySubgraph(): SubgraphDefinition<DirectoryContext> {
  let cache: ReadCache;
  return {
    name: 'directory',
    database: directoryDatabase,
    buildSchema: buildDirectorySchema,
    context: (rt, auth) => createDirectoryContext(rt.db, auth, cache),
    onStart: async (rt) => {
      const readCache = await startDirectoryReadCache(rt);
      cache = readCache.cache;
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
