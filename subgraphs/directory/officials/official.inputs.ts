import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A person: the name parts and position of an official' })
export class OfficialPersonInput {
  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'Only if it is in the identity document' })
  patronymic?: string | null;

  @Field(() => String)
  position: string;
}

@InputType({ description: 'A new official of a service provider (serviceProviderId) or of an akimat (katoCode only)' })
export class CreateOfficialInput extends OfficialPersonInput {
  @Field(() => ID, { nullable: true, description: 'A UUID to use as the id; generated when omitted' })
  id?: string | null;

  @Field(() => ID, { nullable: true })
  serviceProviderId?: string | null;

  @Field(() => String, { nullable: true, description: "The unit served; defaults to the provider's unit" })
  katoCode?: string | null;
}

@InputType({ description: 'Changes to an official; omitted fields stay as they are' })
export class UpdateOfficialInput {
  @Field(() => String, { nullable: true })
  surname?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty string removes it' })
  patronymic?: string | null;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true reactivates a deactivated official' })
  active?: boolean | null;
}
