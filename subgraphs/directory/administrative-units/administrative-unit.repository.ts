import { In, IsNull, type EntityManager } from 'typeorm';
import { AdministrativeUnitRecord } from './administrative-unit.entity';

/** TypeORM access to the administrative_unit table, through the request's manager or a transaction's. */
export class AdministrativeUnitRepository {
  constructor(private readonly em: EntityManager) {}

  /** One query for any number of KATO codes (a loader's batch). */
  byKatoCodes(katoCodes: readonly string[]): Promise<AdministrativeUnitRecord[]> {
    return this.em.findBy(AdministrativeUnitRecord, { katoCode: In([...katoCodes]) });
  }

  byKatoCode(katoCode: string): Promise<AdministrativeUnitRecord | null> {
    return this.em.findOneBy(AdministrativeUnitRecord, { katoCode });
  }

  exists(katoCode: string): Promise<boolean> {
    return this.em.existsBy(AdministrativeUnitRecord, { katoCode });
  }

  /** Active units under a parent (the top level for null), by KATO code. */
  activeChildren(parentKatoCode: string | null): Promise<AdministrativeUnitRecord[]> {
    return this.em.find(AdministrativeUnitRecord, {
      where: { parentKatoCode: parentKatoCode ?? IsNull(), active: true },
      order: { katoCode: 'ASC' },
    });
  }

  add(unit: AdministrativeUnitRecord): Promise<AdministrativeUnitRecord> {
    return this.em.save(this.em.create(AdministrativeUnitRecord, unit));
  }

  save(unit: AdministrativeUnitRecord): Promise<AdministrativeUnitRecord> {
    return this.em.save(unit);
  }
}
