import { In, Not, type EntityManager } from 'typeorm';
import { ServiceProviderKind } from './service-provider-kind';
import { ServiceProviderRecord } from './service-provider.entity';

/** TypeORM access to the service_provider table, through the request's manager or a transaction's. */
export class ServiceProviderRepository {
  constructor(private readonly em: EntityManager) {}

  /** One query for any number of ids (a loader's batch). */
  byIds(ids: readonly string[]): Promise<ServiceProviderRecord[]> {
    return this.em.findBy(ServiceProviderRecord, { id: In([...ids]) });
  }

  byId(id: string): Promise<ServiceProviderRecord | null> {
    return this.em.findOneBy(ServiceProviderRecord, { id });
  }

  exists(id: string): Promise<boolean> {
    return this.em.existsBy(ServiceProviderRecord, { id });
  }

  /** Whether a provider other than `exceptId` has this BIN. */
  binTaken(bin: string, exceptId?: string): Promise<boolean> {
    return this.em.existsBy(ServiceProviderRecord, exceptId ? { bin, id: Not(exceptId) } : { bin });
  }

  /** Active providers by Russian name, of one unit when `katoCode` is given. */
  active(katoCode: string | null): Promise<ServiceProviderRecord[]> {
    return this.em.find(ServiceProviderRecord, { where: { active: true, ...(katoCode ? { katoCode } : {}) }, order: { nameRu: 'ASC' } });
  }

  /** The active authorised bodies for public-service quality control, by unit and id. */
  activeQualityControlBodies(): Promise<ServiceProviderRecord[]> {
    return this.em.find(ServiceProviderRecord, {
      where: { kind: ServiceProviderKind.QUALITY_CONTROL_BODY, active: true },
      order: { katoCode: 'ASC', id: 'ASC' },
    });
  }

  add(provider: ServiceProviderRecord): Promise<ServiceProviderRecord> {
    return this.em.save(this.em.create(ServiceProviderRecord, provider));
  }

  save(provider: ServiceProviderRecord): Promise<ServiceProviderRecord> {
    return this.em.save(provider);
  }
}
