import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ServiceProviderKind } from './service-provider-kind';

/** A service provider as stored; the GraphQL `ServiceProvider` (service-provider.type.ts) is resolved from it. */
@Entity('service_provider')
export class ServiceProviderRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 12, unique: true })
  bin: string;

  @Column({ type: 'varchar', length: 300 })
  nameKk: string;

  @Column({ type: 'varchar', length: 300 })
  nameRu: string;

  @Column({ type: 'varchar', length: 30, default: ServiceProviderKind.SERVICE_PROVIDER })
  kind: ServiceProviderKind;

  @Index()
  @Column({ type: 'varchar', length: 9 })
  katoCode: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  headOfficialId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
