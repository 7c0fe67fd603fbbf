import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ComplaintStatistics, ComplaintStatisticsFilter } from './complaint-statistics.type';
import type { StatusContext } from '../status.context';

@Resolver()
export class ComplaintStatisticsResolver {
  @Query(() => ComplaintStatistics, { description: 'Totals by status and result, overdue count, average review time' })
  complaintStatistics(
    @Arg('filter', () => ComplaintStatisticsFilter, { nullable: true }) filter: ComplaintStatisticsFilter | null,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.statistics.statistics(filter ?? {});
  }
}
