import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A public servant: provider official, clerk, head or akim' })
@Entity('official')
export class Official {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  surname: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  patronymic: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  position: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  serviceProviderId: string | null;

  /** The unit the official serves; an akimat official has a unit and no provider. */
  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  katoCode: string | null;

  @Field(() => Boolean, { description: 'Inactive officials are kept for history and never chosen by jurisdiction' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
