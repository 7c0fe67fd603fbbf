import type { ReferenceResolvers } from '../../platform/federated-schema';
import type { IntakeContext } from './intake.context';

export const intakeReferenceResolvers: ReferenceResolvers = {
  Complaint: {
    __resolveReference: (ref: { id: string }, ctx: IntakeContext) => ctx.complaints.byId(ref.id),
  },
};
