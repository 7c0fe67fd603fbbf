import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { FileComplaintInput, OfficeComplaintInput } from './complaint.input';
import { Complaint } from './complaint.type';
import type { IntakeContext } from './intake.context';

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => Complaint, { nullable: true })
  complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: IntakeContext) {
    return ctx.complaints.byId(id);
  }

  @Mutation(() => Complaint, { description: 'A citizen files a complaint on the portal' })
  fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: IntakeContext) {
    return ctx.complaints.file(input);
  }

  @Mutation(() => Complaint, { description: "A clerk accepts a paper complaint at the provider's office and issues a talon" })
  acceptOfficeComplaint(@Arg('input', () => OfficeComplaintInput) input: OfficeComplaintInput, @Ctx() ctx: IntakeContext) {
    return ctx.complaints.acceptAtOffice(input);
  }
}
