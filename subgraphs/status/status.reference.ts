import type { ReferenceResolvers } from '../../platform/federated-schema';
import type { StatusContext } from './status.context';

export const statusReferenceResolvers: ReferenceResolvers = {
  Complaint: {
    __resolveReference: (ref: { id: string; submittedAt?: string }) => ({ id: ref.id, submittedAt: ref.submittedAt }),
  },
  StatusMark: { __resolveReference: (ref: { id: string }, ctx: StatusContext) => ctx.status.markById(ref.id) },
};
