import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ServiceProviderKind } from './service-provider-kind';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A body that provides public services (or reviews complaints about them)' })
@Entity('service_provider')
export class ServiceProvider {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Business identification number, 12 digits' })
  @Column({ type: 'varchar', length: 12, unique: true })
  bin: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  nameKk: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  nameRu: string;

  @Field(() => ServiceProviderKind)
  @Column({ type: 'varchar', length: 30, default: ServiceProviderKind.SERVICE_PROVIDER })
  kind: ServiceProviderKind;

  @Index()
  @Column({ type: 'varchar', length: 9 })
  katoCode: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  headOfficialId: string | null;

  @Field(() => Boolean, { description: 'False once deactivated: no longer listed or chosen by jurisdiction' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
