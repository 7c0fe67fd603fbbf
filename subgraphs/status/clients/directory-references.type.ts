import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Official')
export class OfficialRef {
  @Field(() => ID)
  id: string;
}
