import type { ReferenceResolvers } from '../../../platform/federated-schema';
import type { IntakeContext } from '../intake.context';

export const intakeReferenceResolvers: ReferenceResolvers = {
  Complaint: {
    // Batched per request by the complaint loader; visibility applies to each complaint.
    __resolveReference: (ref: { id: string }, ctx: IntakeContext) => ctx.complaints.byId(ref.id),
  },
};
