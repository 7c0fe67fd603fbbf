import DataLoader from 'dataloader';
import { In, type DataSource, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { AdministrativeUnit } from './administrative-unit.type';
import { Competence } from './competence.type';
import { Official } from './official.type';
import { ServiceProvider } from './service-provider.type';

export interface DirectoryLoaders {
  official: DataLoader<string, Official | null>;
  serviceProvider: DataLoader<string, ServiceProvider | null>;
  administrativeUnit: DataLoader<string, AdministrativeUnit | null>;
  competencesOfOfficial: DataLoader<string, Competence[]>;
}

/** One query per entity type for all the keys asked in one tick of a request. */
function byKey<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, key: keyof T & string) {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await db.getRepository(entity).findBy({ [key]: In([...keys]) } as never);
    const found = new Map(rows.map((r) => [r[key] as string, r]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

function competencesOfOfficial(db: DataSource) {
  return new DataLoader<string, Competence[]>(async (officialIds) => {
    const rows = await db.getRepository(Competence).find({
      where: { officialId: In([...officialIds]) },
      order: { kind: 'ASC', name: 'ASC' },
    });
    return officialIds.map((id) => rows.filter((r) => r.officialId === id));
  });
}

export function createDirectoryLoaders(db: DataSource): DirectoryLoaders {
  return {
    official: byKey(db, Official, 'id'),
    serviceProvider: byKey(db, ServiceProvider, 'id'),
    administrativeUnit: byKey(db, AdministrativeUnit, 'katoCode'),
    competencesOfOfficial: competencesOfOfficial(db),
  };
}
