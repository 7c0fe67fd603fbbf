import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Complaint, FileComplaintInput, OfficeComplaintInput } from '../complaints';
import type { IntakeContext } from '../intake.context';

/** Filing: each mutation is one call to the filing service. */
@Resolver(() => Complaint)
export class FilingResolver {
  @Mutation(() => Complaint, { description: 'A citizen files a complaint on the portal' })
  fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: IntakeContext) {
    return ctx.filing.file(input);
  }

  @Mutation(() => Complaint, { description: "A clerk accepts a paper complaint at the provider's office and issues a talon" })
  acceptOfficeComplaint(@Arg('input', () => OfficeComplaintInput) input: OfficeComplaintInput, @Ctx() ctx: IntakeContext) {
    return ctx.filing.acceptAtOffice(input);
  }
}
