import { Field, ID, InputType } from 'type-graphql';
import { OfficialPersonInput } from '../officials/official.inputs';
import { ServiceProviderKind } from './service-provider-kind';

@InputType({ description: 'A new service provider with its head (a provider always has one)' })
export class CreateServiceProviderInput {
  @Field(() => ID, { nullable: true, description: 'A UUID to use as the id; generated when omitted' })
  id?: string | null;

  @Field(() => String, { description: 'Business identification number, 12 digits with a valid check digit' })
  bin: string;

  @Field(() => String)
  nameKk: string;

  @Field(() => String)
  nameRu: string;

  @Field(() => String, { description: 'KATO code of the unit it serves' })
  katoCode: string;

  @Field(() => ServiceProviderKind, { nullable: true, defaultValue: ServiceProviderKind.SERVICE_PROVIDER })
  kind?: ServiceProviderKind;

  @Field(() => OfficialPersonInput, { description: 'The head, created as an official of the provider' })
  head: OfficialPersonInput;
}

@InputType({ description: 'Changes to a service provider; omitted fields stay as they are' })
export class UpdateServiceProviderInput {
  @Field(() => String, { nullable: true })
  bin?: string | null;

  @Field(() => String, { nullable: true })
  nameKk?: string | null;

  @Field(() => String, { nullable: true })
  nameRu?: string | null;

  @Field(() => String, { nullable: true })
  katoCode?: string | null;

  @Field(() => ServiceProviderKind, { nullable: true })
  kind?: ServiceProviderKind | null;

  @Field(() => ID, { nullable: true, description: 'An active official of this provider' })
  headOfficialId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true reactivates a deactivated provider' })
  active?: boolean | null;
}
