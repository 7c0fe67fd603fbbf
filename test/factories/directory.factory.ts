import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AdministrativeUnitRecord as AdministrativeUnit } from '../../subgraphs/directory/administrative-units/administrative-unit.entity';
import { binCheckDigit } from '../../subgraphs/directory/validation/bin.rule';
import { competenceMatchKey } from '../../subgraphs/directory/competences/competence-match-key';
import { CompetenceRecord as Competence } from '../../subgraphs/directory/competences/competence.entity';
import { CompetenceKind } from '../../subgraphs/directory/competences/competence-kind';
import { OfficialRecord as Official } from '../../subgraphs/directory/officials/official.entity';
import { ServiceProviderKind } from '../../subgraphs/directory/service-providers/service-provider-kind';
import { ServiceProviderRecord as ServiceProvider } from '../../subgraphs/directory/service-providers/service-provider.entity';

let counter = Math.floor(Math.random() * 50000);
const next = () => ++counter;

/** A fresh valid BIN (a resident head office registered in January 2024), different on every call. */
export function validBin(): string {
  for (;;) {
    const first11 = `2401400${String(next() % 100000).padStart(4, '0').slice(-4)}`;
    const check = binCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

export async function createUnit(db: DataSource, over: Partial<AdministrativeUnit> = {}): Promise<AdministrativeUnit> {
  const unit = db.getRepository(AdministrativeUnit).create({
    katoCode: '710000000',
    nameKk: 'Астана қаласы',
    nameRu: 'город Астана',
    parentKatoCode: null,
    akimOfficialId: null,
    active: true,
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
  const id = over.id ?? randomUUID();
  const katoCode = over.katoCode ?? '710000000';
  const head = await createOfficial(db, { serviceProviderId: id, katoCode, position: 'басшы / руководитель' });
  const bin = over.bin ?? validBin();
  const provider = await db.getRepository(ServiceProvider).save(
    db.getRepository(ServiceProvider).create({
      id,
      bin,
      nameKk: `Тест қызмет берушісі ${bin}`,
      nameRu: `Тестовый услугодатель ${bin}`,
      katoCode,
      kind: ServiceProviderKind.SERVICE_PROVIDER,
      headOfficialId: head.id,
      active: true,
      ...over,
    }),
  );
  return { provider, head };
}

/** An official of an akimat: a unit, no provider. */
export function createAkimatOfficial(db: DataSource, katoCode: string, over: Partial<Official> = {}): Promise<Official> {
  return createOfficial(db, { katoCode, serviceProviderId: null, position: 'әкім / аким', ...over });
}

export async function createCompetence(
  db: DataSource,
  officialId: string,
  over: Partial<Competence> & { name: string },
): Promise<Competence> {
  const kind = over.kind ?? CompetenceKind.PUBLIC_SERVICE;
  return db.getRepository(Competence).save(
    db.getRepository(Competence).create({
      id: randomUUID(),
      officialId,
      kind,
      code: null,
      active: true,
      ...over,
      matchKey: competenceMatchKey({ code: over.code ?? null, name: over.name }),
    }),
  );
}

/** A KATO code of `region` not used before in this process (tests share one directory per file). */
export function uniqueKato(region = '35'): string {
  return `${region}${String(next() % 10_000_000).padStart(7, '0')}`;
}
