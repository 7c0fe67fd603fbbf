import { In, IsNull, type EntityManager } from 'typeorm';
import { OfficialRecord } from './official.entity';

/** Whose staff: a provider's officials, or an akimat's (the officials of a unit who have no provider). */
export type StaffOf = { serviceProviderId: string } | { akimatKatoCode: string };

/** TypeORM access to the official table, through the request's manager or a transaction's. */
export class OfficialRepository {
  constructor(private readonly em: EntityManager) {}

  /** One query for any number of ids (a loader's batch). */
  byIds(ids: readonly string[]): Promise<OfficialRecord[]> {
    return this.em.findBy(OfficialRecord, { id: In([...ids]) });
  }

  byId(id: string): Promise<OfficialRecord | null> {
    return this.em.findOneBy(OfficialRecord, { id });
  }

  exists(id: string): Promise<boolean> {
    return this.em.existsBy(OfficialRecord, { id });
  }

  /** Active staff by surname, name and id: the order in which jurisdiction breaks ties. */
  activeStaff(of: StaffOf): Promise<OfficialRecord[]> {
    const where =
      'serviceProviderId' in of
        ? { serviceProviderId: of.serviceProviderId }
        : { katoCode: of.akimatKatoCode, serviceProviderId: IsNull() };
    return this.em.find(OfficialRecord, { where: { ...where, active: true }, order: { surname: 'ASC', name: 'ASC', id: 'ASC' } });
  }

  add(official: OfficialRecord): Promise<OfficialRecord> {
    return this.em.save(this.em.create(OfficialRecord, official));
  }

  save(official: OfficialRecord): Promise<OfficialRecord> {
    return this.em.save(official);
  }
}
