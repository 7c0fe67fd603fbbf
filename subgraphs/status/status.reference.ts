import type { ReferenceResolvers } from '../../platform/federated-schema';
import type { StatusContext } from './status.context';

export const statusReferenceResolvers: ReferenceResolvers = {
  Complaint: {
    __resolveReference: (ref: { id: string; submittedAt?: string; handler?: { id: string } }) => ({
      id: ref.id,
      submittedAt: ref.submittedAt,
      handler: ref.handler,
    }),
  },
  StatusMark: { __resolveReference: (ref: { id: string }, ctx: StatusContext) => ctx.timeline.markById(ref.id) },
};
