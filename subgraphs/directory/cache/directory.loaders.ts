import DataLoader from 'dataloader';
import { In, type DataSource, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.type';
import { Competence } from '../competences/competence.type';
import { Official } from '../officials/official.type';
import type { ReadCache } from '../../../platform/read-cache';
import { ServiceProvider } from '../service-providers/service-provider.type';

export interface DirectoryLoaders {
  official: DataLoader<string, Official | null>;
  serviceProvider: DataLoader<string, ServiceProvider | null>;
  administrativeUnit: DataLoader<string, AdministrativeUnit | null>;
  competencesOfOfficial: DataLoader<string, Competence[]>;
}

/**
 * Keys in the read cache are served from it; the rest are read in one query per entity type for all the keys
 * asked in one tick of a request. Unknown keys are not cached: they are asked again next time.
 * Cached entities are shared between requests: read them, never change them.
 */
function byKey<T extends ObjectLiteral>(
  db: DataSource,
  cache: ReadCache,
  entity: EntityTarget<T>,
  key: keyof T & string,
  prefix: string,
) {
  return new DataLoader<string, T | null>(async (keys) => {
    const readUnder = cache.generation;
    const cached = keys.map((k) => cache.get<T>(`${prefix}:${k}`));
    const misses = keys.filter((_, i) => cached[i] === undefined);
    const found = new Map<string, T>();
    if (misses.length) {
      for (const row of await db.getRepository(entity).findBy({ [key]: In(misses) } as never)) {
        found.set(row[key] as string, row);
        cache.set(`${prefix}:${row[key]}`, row, readUnder);
      }
    }
    return keys.map((k, i) => cached[i] ?? found.get(k) ?? null);
  });
}

function competencesOfOfficial(db: DataSource, cache: ReadCache) {
  return new DataLoader<string, Competence[]>(async (officialIds) => {
    const readUnder = cache.generation;
    const cached = officialIds.map((id) => cache.get<Competence[]>(`competences:${id}`));
    const misses = officialIds.filter((_, i) => cached[i] === undefined);
    const rows = misses.length
      ? await db.getRepository(Competence).find({ where: { officialId: In(misses) }, order: { kind: 'ASC', name: 'ASC' } })
      : [];
    return officialIds.map((id, i) => {
      if (cached[i]) return cached[i];
      const own = rows.filter((r) => r.officialId === id);
      cache.set(`competences:${id}`, own, readUnder);
      return own;
    });
  });
}

export function createDirectoryLoaders(db: DataSource, cache: ReadCache): DirectoryLoaders {
  return {
    official: byKey(db, cache, Official, 'id', 'official'),
    serviceProvider: byKey(db, cache, ServiceProvider, 'id', 'serviceProvider'),
    administrativeUnit: byKey(db, cache, AdministrativeUnit, 'katoCode', 'administrativeUnit'),
    competencesOfOfficial: competencesOfOfficial(db, cache),
  };
}
