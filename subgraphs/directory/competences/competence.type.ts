import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CompetenceKind } from './competence-kind';

/** An official resolves complaints about this public service or issue category (seed step 3). */
@ObjectType({ description: 'What an official is competent to resolve: a public service or an issue category' })
@Entity('competence')
@Index(['officialId', 'kind', 'matchKey'], { unique: true })
export class Competence {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  officialId: string;

  @Field(() => CompetenceKind)
  @Column({ type: 'varchar', length: 20 })
  kind: CompetenceKind;

  @Field(() => String, { nullable: true, description: 'Code of the public service in the register, when known' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  code: string | null;

  @Field(() => String, { description: 'Name of the public service or issue category' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Normalised code (or name when there is no code): one official holds a competence once. */
  @Column({ type: 'varchar', length: 300 })
  matchKey: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
