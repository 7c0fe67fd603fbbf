import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new administrative-territorial unit' })
export class CreateAdministrativeUnitInput {
  @Field(() => String, { description: '9-digit KATO code; the first two digits a known region' })
  katoCode: string;

  @Field(() => String)
  nameKk: string;

  @Field(() => String)
  nameRu: string;

  @Field(() => String, { nullable: true, description: 'The unit above it, in the same region; none for a region' })
  parentKatoCode?: string | null;
}

@InputType({ description: 'Changes to a unit; omitted fields stay as they are' })
export class UpdateAdministrativeUnitInput {
  @Field(() => String, { nullable: true })
  nameKk?: string | null;

  @Field(() => String, { nullable: true })
  nameRu?: string | null;

  @Field(() => ID, { nullable: true, description: 'An active akimat official of this unit; null removes the akim' })
  akimOfficialId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true reactivates a deactivated unit' })
  active?: boolean | null;
}
