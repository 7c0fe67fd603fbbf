import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ServiceProviderKind } from './service-provider-kind';

/**
 * The GraphQL view of a service provider, resolved from the stored `ServiceProviderRecord` (same names); its unit,
 * head and officials are field resolvers.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A body that provides public services (or reviews complaints about them)' })
export class ServiceProvider {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Business identification number, 12 digits' })
  bin: string;

  @Field(() => String)
  nameKk: string;

  @Field(() => String)
  nameRu: string;

  @Field(() => ServiceProviderKind)
  kind: ServiceProviderKind;

  @Field(() => Boolean, { description: 'False once deactivated: no longer listed or chosen by jurisdiction' })
  active: boolean;
}
