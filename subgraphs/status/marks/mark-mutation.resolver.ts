import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { ReviewResult } from '../../../contracts/enums';
import { StatusMark } from './status-mark.type';
import type { StatusContext } from '../status.context';

@Resolver()
export class MarkMutationResolver {
  @Mutation(() => StatusMark, {
    description:
      "Registers the complaint; its review term starts (APPC Art. 63(2)). The handling body's officials, or its office clerks",
  })
  registerComplaint(@Arg('complaintId', () => ID) complaintId: string, @Ctx() ctx: StatusContext) {
    return ctx.markWriting.register(complaintId);
  }

  @Mutation(() => StatusMark, { description: 'Assigns an executor (the caller when omitted)' })
  startExecution(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('executorId', () => ID, { nullable: true }) executorId: string | null,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.markWriting.startExecution(complaintId, executorId);
  }

  @Mutation(() => StatusMark)
  recordReviewResult(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('result', () => ReviewResult) result: ReviewResult,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.markWriting.recordReviewResult(complaintId, result, note);
  }

  @Mutation(() => StatusMark, { description: 'Forwards to the competent official, who takes over (APPC Art. 65)' })
  forwardComplaint(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('toOfficialId', () => ID) toOfficialId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.markWriting.forward(complaintId, toOfficialId, reason);
  }

  @Mutation(() => StatusMark, { description: 'Extends the review term by a reasoned decision (APPC Art. 76)' })
  extendReview(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('workingDays', () => Int) workingDays: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.markWriting.extend(complaintId, workingDays, reason);
  }

  @Mutation(() => StatusMark, { description: 'The applicant withdraws their complaint' })
  withdrawComplaint(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.markWriting.withdraw(complaintId, reason);
  }

  @Mutation(() => StatusMark, {
    description:
      "A clerk of the handling body records the applicant's paper withdrawal (their signed statement); the mark's actor is the clerk",
  })
  recordPaperWithdrawal(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('signedOnPaper', () => Boolean, { description: "The applicant's signed statement is on file" }) signedOnPaper: boolean,
    @Ctx() ctx: StatusContext,
  ) {
    return ctx.markWriting.withdrawOnPaper(complaintId, reason, signedOnPaper);
  }
}
