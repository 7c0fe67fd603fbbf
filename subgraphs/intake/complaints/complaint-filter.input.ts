import { Field, ID, InputType } from 'type-graphql';
import { Addressee, Channel, StatusMarkKind } from '../../../contracts/enums';
import { DateScalar } from '../../../platform/scalars';

@InputType({ description: 'Narrows a complaint list; every field given must match' })
export class ComplaintFilter {
  @Field(() => ID, { nullable: true })
  serviceProviderId?: string | null;

  @Field(() => String, { nullable: true })
  katoCode?: string | null;

  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => Addressee, { nullable: true })
  addressee?: Addressee | null;

  @Field(() => DateScalar, { nullable: true, description: 'Filed on or after this date (Kazakhstan time)' })
  filedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Filed on or before this date (Kazakhstan time)' })
  filedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The competent official chosen when filed' })
  handlerId?: string | null;

  @Field(() => StatusMarkKind, { nullable: true, description: 'The current status (the latest mark)' })
  status?: StatusMarkKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Past the review term without a result (true), or not (false)' })
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Who has it now (after a forward, the official it was forwarded to)' })
  currentHandlerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The body that has it now: a provider's id, or an akimat's unit KATO code",
  })
  currentBodyId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Review due on or after this date' })
  reviewDueFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Review due on or before this date' })
  reviewDueTo?: string | null;

  /** Today in Kazakhstan, set by the service (not a GraphQL field): the overdue filter compares with it. */
  today?: string;
}
