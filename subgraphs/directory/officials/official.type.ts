import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The GraphQL view of an official. Resolvers return the stored `OfficialRecord`, whose columns of the same names
 * answer these fields; its links (provider, unit, body, competences) are field resolvers.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A public servant: provider official, clerk, head or akim' })
export class Official {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  patronymic: string | null;

  @Field(() => String)
  position: string;

  @Field(() => Boolean, { description: 'Inactive officials are kept for history and never chosen by jurisdiction' })
  active: boolean;
}
