import type { DataSource } from 'typeorm';
import demo from './data/demo-directory.json';
import { AdministrativeUnit } from './administrative-units/administrative-unit.type';
import { competenceMatchKey } from './jurisdiction/competence-match';
import { Competence } from './competences/competence.type';
import type { CompetenceKind } from './competences/competence-kind';
import { Official } from './officials/official.type';
import type { ServiceProviderKind } from './service-providers/service-provider-kind';
import { ServiceProvider } from './service-providers/service-provider.type';

/** Loads the demo directory once: only into an empty directory. */
export async function seedDemoDirectory(db: DataSource): Promise<boolean> {
  return db.transaction(async (em) => {
    if ((await em.count(Official)) > 0 || (await em.count(AdministrativeUnit)) > 0) return false;
    await em.insert(AdministrativeUnit, demo.administrativeUnits.map((u) => ({ ...u, active: true })));
    await em.insert(Official, demo.officials.map((o) => ({ ...o, active: true })));
    await em.insert(
      ServiceProvider,
      demo.serviceProviders.map((p) => ({ ...p, kind: p.kind as ServiceProviderKind, active: true })),
    );
    await em.insert(
      Competence,
      demo.competences.map((c) => ({ ...c, kind: c.kind as CompetenceKind, matchKey: competenceMatchKey(c), active: true })),
    );
    return true;
  });
}
