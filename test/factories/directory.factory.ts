import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AdministrativeUnit } from '../../subgraphs/directory/administrative-unit.type';
import { Official } from '../../subgraphs/directory/official.type';
import { ServiceProvider } from '../../subgraphs/directory/service-provider.type';

let counter = 0;
const next = () => ++counter;

export async function createUnit(db: DataSource, over: Partial<AdministrativeUnit> = {}): Promise<AdministrativeUnit> {
  const unit = db.getRepository(AdministrativeUnit).create({
    katoCode: '710000000',
    nameKk: 'Астана қаласы',
    nameRu: 'город Астана',
    parentKatoCode: null,
    akimOfficialId: null,
    ...over,
  });
  return db.getRepository(AdministrativeUnit).save(unit);
}

export async function createOfficial(db: DataSource, over: Partial<Official> = {}): Promise<Official> {
  const n = next();
  return db.getRepository(Official).save(
    db.getRepository(Official).create({
      id: randomUUID(),
      surname: `Тестов${n}`,
      name: 'Асқар',
      patronymic: null,
      position: 'бас маман / главный специалист',
      serviceProviderId: null,
      katoCode: null,
      active: true,
      ...over,
    }),
  );
}

/** A provider with an active head official. */
export async function createProvider(
  db: DataSource,
  over: Partial<ServiceProvider> = {},
): Promise<{ provider: ServiceProvider; head: Official }> {
  const id = randomUUID();
  const katoCode = over.katoCode ?? '710000000';
  const head = await createOfficial(db, { serviceProviderId: id, katoCode, position: 'басшы / руководитель' });
  const bin = `2401400${String(next()).padStart(5, '0')}`;
  const provider = await db.getRepository(ServiceProvider).save(
    db.getRepository(ServiceProvider).create({
      id,
      bin,
      nameKk: `Тест қызмет берушісі ${bin}`,
      nameRu: `Тестовый услугодатель ${bin}`,
      katoCode,
      headOfficialId: head.id,
      ...over,
    }),
  );
  return { provider, head };
}
