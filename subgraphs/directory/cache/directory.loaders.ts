import DataLoader from 'dataloader';
import type { ReadCache } from '../../../platform/read-cache';
import type { AdministrativeUnitRecord } from '../administrative-units/administrative-unit.entity';
import type { CompetenceRecord } from '../competences/competence.entity';
import type { DirectoryRepositories } from '../directory.repositories';
import type { OfficialRecord } from '../officials/official.entity';
import type { ServiceProviderRecord } from '../service-providers/service-provider.entity';

/** Per-request batching of directory reads, through the subgraph's read cache. */
export interface DirectoryLoaders {
  official: DataLoader<string, OfficialRecord | null>;
  serviceProvider: DataLoader<string, ServiceProviderRecord | null>;
  administrativeUnit: DataLoader<string, AdministrativeUnitRecord | null>;
  competencesOfOfficial: DataLoader<string, CompetenceRecord[]>;
}

/**
 * Keys in the read cache are served from it; the rest are read in one query per entity type for all the keys
 * asked in one tick of a request. Unknown keys are not cached: they are asked again next time.
 * Cached entities are shared between requests: read them, never change them.
 */
function byKey<T>(cache: ReadCache, prefix: string, keyOf: (row: T) => string, read: (keys: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (keys) => {
    const readUnder = cache.generation;
    const cached = keys.map((k) => cache.get<T>(`${prefix}:${k}`));
    const misses = keys.filter((_, i) => cached[i] === undefined);
    const found = new Map<string, T>();
    if (misses.length) {
      for (const row of await read(misses)) {
        found.set(keyOf(row), row);
        cache.set(`${prefix}:${keyOf(row)}`, row, readUnder);
      }
    }
    return keys.map((k, i) => cached[i] ?? found.get(k) ?? null);
  });
}

function competencesOfOfficial(repositories: DirectoryRepositories, cache: ReadCache) {
  return new DataLoader<string, CompetenceRecord[]>(async (officialIds) => {
    const readUnder = cache.generation;
    const cached = officialIds.map((id) => cache.get<CompetenceRecord[]>(`competences:${id}`));
    const misses = officialIds.filter((_, i) => cached[i] === undefined);
    const rows = misses.length ? await repositories.competences.ofOfficials(misses) : [];
    return officialIds.map((id, i) => {
      if (cached[i]) return cached[i];
      const own = rows.filter((r) => r.officialId === id);
      cache.set(`competences:${id}`, own, readUnder);
      return own;
    });
  });
}

export function createDirectoryLoaders(repositories: DirectoryRepositories, cache: ReadCache): DirectoryLoaders {
  const { officials, serviceProviders, administrativeUnits } = repositories;
  return {
    official: byKey(cache, 'official', (o) => o.id, (ids) => officials.byIds(ids)),
    serviceProvider: byKey(cache, 'serviceProvider', (p) => p.id, (ids) => serviceProviders.byIds(ids)),
    administrativeUnit: byKey(cache, 'administrativeUnit', (u) => u.katoCode, (codes) => administrativeUnits.byKatoCodes(codes)),
    competencesOfOfficial: competencesOfOfficial(repositories, cache),
  };
}
