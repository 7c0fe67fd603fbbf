import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewResult, StatusMarkKind } from '../../platform/enums';
import { DateScalar } from '../../platform/scalars';

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

  @Field(() => Float, { nullable: true, description: 'Average working days from registration to the review result' })
  averageWorkingDaysToReview: number | null;
}
