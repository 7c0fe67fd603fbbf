import { Field, ID, ObjectType } from 'type-graphql';
import { CompetenceKind } from './competence-kind';

/** The GraphQL view of a competence, resolved from the stored `CompetenceRecord` (same names). */
@ObjectType({ description: 'What an official is competent to resolve: a public service or an issue category' })
export class Competence {
  @Field(() => ID)
  id: string;

  @Field(() => CompetenceKind)
  kind: CompetenceKind;

  @Field(() => String, { nullable: true, description: 'Code of the public service in the register, when known' })
  code: string | null;

  @Field(() => String, { description: 'Name of the public service or issue category' })
  name: string;

  @Field(() => Boolean)
  active: boolean;
}
