import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** References to directory entities; the directory subgraph resolves their fields. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Official')
export class OfficialRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceProvider')
export class ServiceProviderRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "katoCode", resolvable: false)')
@ObjectType('AdministrativeUnit')
export class AdministrativeUnitRef {
  @Field(() => String)
  katoCode: string;
}
