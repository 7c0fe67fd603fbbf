import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Addressee, Channel, ReviewBodyKind, ReviewResult, StatusMarkKind } from '../../../contracts/enums';
import { DateScalar } from '../../../platform/scalars';

@InputType()
export class ComplaintStatisticsFilter {
  @Field(() => ID, { nullable: true })
  serviceProviderId?: string | null;

  @Field(() => String, { nullable: true, description: 'KATO code of the administrative unit' })
  katoCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Filed on or after this date (Kazakhstan time)' })
  filedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Filed on or before this date (Kazakhstan time)' })
  filedTo?: string | null;
}

@ObjectType()
export class StatusCount {
  @Field(() => StatusMarkKind)
  status: StatusMarkKind;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ResultCount {
  @Field(() => ReviewResult)
  result: ReviewResult;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ChannelCount {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class AddresseeCount {
  @Field(() => Addressee)
  addressee: Addressee;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ReviewBodyKindCount {
  @Field(() => ReviewBodyKind)
  reviewBodyKind: ReviewBodyKind;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Inter-agency statistics of complaints' })
export class ComplaintStatistics {
  @Field(() => Int)
  total: number;

  @Field(() => [StatusCount], { description: 'By current status; statuses with no complaint are left out' })
  byStatus: StatusCount[];

  @Field(() => [ResultCount], { description: 'Reviewed complaints by result' })
  byResult: ResultCount[];

  @Field(() => Int, { description: 'Complaints overdue now, or reviewed or withdrawn after their due date' })
  overdue: number;

  @Field(() => [ChannelCount], { description: 'By channel (complaints tracked before channels were kept are left out)' })
  byChannel: ChannelCount[];

  @Field(() => [AddresseeCount], { description: 'By the addressee the applicant chose' })
  byAddressee: AddresseeCount[];

  @Field(() => [ReviewBodyKindCount], { description: 'By the kind of body reviewing it now' })
  byReviewBodyKind: ReviewBodyKindCount[];

  @Field(() => Int, {
    description:
      'Registered after the day of receipt (moved to the next working day when received on a non-working day, APPC Art. 63(2)), or still unregistered past it',
  })
  lateRegistrations: number;

  @Field(() => Int, {
    description: 'FORWARDED marks made more than 3 working days after the day of receipt (APPC Art. 65)',
  })
  lateForwards: number;

  @Field(() => Int, { description: 'Not reviewed by the end of the review term (same as overdue)' })
  overdueReviews: number;

  @Field(() => Float, { nullable: true, description: 'Average working days from registration to the review result' })
  averageWorkingDaysToReview: number | null;
}
