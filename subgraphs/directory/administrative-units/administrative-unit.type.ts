import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Directive('@key(fields: "katoCode")')
@ObjectType({ description: 'An administrative-territorial unit, keyed by its KATO code' })
@Entity('administrative_unit')
export class AdministrativeUnit {
  @Field(() => String, { description: '9-digit KATO code' })
  @PrimaryColumn({ type: 'varchar', length: 9 })
  katoCode: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  nameKk: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  nameRu: string;

  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  parentKatoCode: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  akimOfficialId: string | null;

  @Field(() => Boolean, { description: 'False once deactivated: no longer listed; its akim is skipped by jurisdiction' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
