import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The GraphQL view of a unit, resolved from the stored `AdministrativeUnitRecord` (same names); its parent and
 * akim are field resolvers.
 */
@Directive('@key(fields: "katoCode")')
@ObjectType({ description: 'An administrative-territorial unit, keyed by its KATO code' })
export class AdministrativeUnit {
  @Field(() => String, { description: '9-digit KATO code' })
  katoCode: string;

  @Field(() => String)
  nameKk: string;

  @Field(() => String)
  nameRu: string;

  @Field(() => Boolean, { description: 'False once deactivated: no longer listed; its akim is skipped by jurisdiction' })
  active: boolean;
}
