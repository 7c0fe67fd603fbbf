import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ReviewResult, StatusMarkKind } from '../../platform/enums';
import { OfficialRef } from './status.stubs';

@Directive('@key(fields: "id")')
@ObjectType({ description: "A mark on a complaint's timeline" })
export class StatusMark {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Opaque and ordered: pass it as `after` to resume' })
  cursor: string;

  complaintId: string;

  @Field(() => StatusMarkKind)
  kind: StatusMarkKind;

  @Field(() => Date)
  at: Date;

  @Field(() => OfficialRef, { nullable: true })
  actor: OfficialRef | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => ReviewResult, { nullable: true })
  result: ReviewResult | null;
}
