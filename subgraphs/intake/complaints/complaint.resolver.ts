import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ComplaintConnection } from './complaint-connection.type';
import { ComplaintFilter } from './complaint-filter.input';
import { Complaint } from './complaint.type';
import type { IntakeContext } from '../intake.context';

/** Reading complaints: each query is one call to the reading service. */
@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => Complaint, { nullable: true, description: 'A complaint the caller may see; null when there is none' })
  complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: IntakeContext) {
    return ctx.complaints.byId(id);
  }

  @Query(() => Complaint, { nullable: true, description: "A complaint by its human-readable number, or by its talon's number (what the applicant holds)" })
  complaintByNumber(@Arg('number', () => String) number: string, @Ctx() ctx: IntakeContext) {
    return ctx.complaints.byNumber(number);
  }

  @Query(() => ComplaintConnection, { description: "The citizen's own complaints, newest first" })
  myComplaints(
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100)' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: IntakeContext,
  ) {
    return ctx.complaints.mine(first, after);
  }

  @Query(() => ComplaintConnection, {
    description:
      'Complaints the caller may see (clerk, official: those with them or their body now, and those they or their body held before; agency: all, depersonalised; admin: all), newest first',
  })
  complaints(
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100)' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: IntakeContext,
  ) {
    return ctx.complaints.list(filter, first, after);
  }
}
