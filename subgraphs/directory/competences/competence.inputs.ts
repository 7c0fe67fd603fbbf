import { Field, ID, InputType } from 'type-graphql';
import { CompetenceKind } from './competence-kind';

@InputType({ description: 'A public service (by code and/or name) or an issue category an official resolves' })
export class CreateCompetenceInput {
  @Field(() => ID)
  officialId: string;

  @Field(() => CompetenceKind)
  kind: CompetenceKind;

  @Field(() => String, { nullable: true, description: 'Code of the public service in the register' })
  code?: string | null;

  @Field(() => String)
  name: string;
}

@InputType({ description: 'Changes to a competence; omitted fields stay as they are' })
export class UpdateCompetenceInput {
  @Field(() => String, { nullable: true, description: 'Empty string removes it' })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true reactivates a deactivated competence' })
  active?: boolean | null;
}
