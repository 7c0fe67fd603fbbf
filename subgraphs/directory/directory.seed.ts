import type { DataSource } from 'typeorm';
import demo from './data/demo-directory.json';
import { AdministrativeUnitRecord } from './administrative-units/administrative-unit.entity';
import { competenceMatchKey } from './competences/competence-match-key';
import { CompetenceRecord } from './competences/competence.entity';
import type { CompetenceKind } from './competences/competence-kind';
import { OfficialRecord } from './officials/official.entity';
import type { ServiceProviderKind } from './service-providers/service-provider-kind';
import { ServiceProviderRecord } from './service-providers/service-provider.entity';

/** Loads the demo directory (data/demo-directory.json) once: only into an empty directory, in one bulk insert per table. */
export async function seedDemoDirectory(db: DataSource): Promise<boolean> {
  return db.transaction(async (em) => {
    if ((await em.count(OfficialRecord)) > 0 || (await em.count(AdministrativeUnitRecord)) > 0) return false;
    await em.insert(AdministrativeUnitRecord, demo.administrativeUnits.map((u) => ({ ...u, active: true })));
    await em.insert(OfficialRecord, demo.officials.map((o) => ({ ...o, active: true })));
    await em.insert(
      ServiceProviderRecord,
      demo.serviceProviders.map((p) => ({ ...p, kind: p.kind as ServiceProviderKind, active: true })),
    );
    await em.insert(
      CompetenceRecord,
      demo.competences.map((c) => ({ ...c, kind: c.kind as CompetenceKind, matchKey: competenceMatchKey(c), active: true })),
    );
    return true;
  });
}
