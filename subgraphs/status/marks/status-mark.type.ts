import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ReviewResult, StatusMarkKind } from '../../../contracts/enums';
import { DateScalar } from '../../../platform/scalars';
import { OfficialRef } from '../clients/directory-references.type';
import type { NumberSource } from '../complaints/complaint-numbers';

@Directive('@key(fields: "id")')
@ObjectType({ description: "A mark on a complaint's timeline" })
export class StatusMark {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Opaque and ordered: pass it as `after` to resume' })
  cursor: string;

  complaintId: string;

  /** Its complaint's number when the reader knows it (or is reading it): `complaint { number }` then reads nothing. */
  complaintNumber?: NumberSource;

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

  @Field(() => OfficialRef, { nullable: true, description: 'The new handler (FORWARDED) or the executor (IN_EXECUTION)' })
  assignee: OfficialRef | null;

  @Field(() => DateScalar, { nullable: true, description: 'The review due date this mark set (REGISTERED, EXTENDED)' })
  dueOn: string | null;
}
