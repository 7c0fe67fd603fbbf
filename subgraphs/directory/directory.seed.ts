import type { DataSource } from 'typeorm';
import demo from './data/demo-directory.json';
import { AdministrativeUnit } from './administrative-unit.type';
import { Official } from './official.type';
import { ServiceProvider } from './service-provider.type';

/** Loads the demo directory once: only into an empty directory. */
export async function seedDemoDirectory(db: DataSource): Promise<boolean> {
  return db.transaction(async (em) => {
    if ((await em.count(Official)) > 0 || (await em.count(AdministrativeUnit)) > 0) return false;
    await em.insert(
      AdministrativeUnit,
      demo.administrativeUnits.map((u) => ({ parentKatoCode: null, ...u })),
    );
    await em.insert(Official, demo.officials.map((o) => ({ ...o, active: true })));
    await em.insert(ServiceProvider, demo.serviceProviders);
    return true;
  });
}
