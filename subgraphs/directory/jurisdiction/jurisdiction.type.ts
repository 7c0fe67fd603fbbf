import { Field, ObjectType } from 'type-graphql';
import { ReviewBodyKind } from '../../../contracts/enums';
import { Official } from '../officials/official.type';

@ObjectType({ description: 'Who a complaint goes to, and why' })
export class JurisdictionDecision {
  @Field(() => Official)
  official: Official;

  @Field(() => String, { description: 'The rule that chose the official, in plain words' })
  rule: string;

  @Field(() => ReviewBodyKind, { description: 'The kind of body that reviews the complaint (decides the review term)' })
  bodyKind: ReviewBodyKind;
}
