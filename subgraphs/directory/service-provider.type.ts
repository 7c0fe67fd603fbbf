import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Column({ type: 'varchar', length: 9 })
  katoCode: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  headOfficialId: string | null;
}
