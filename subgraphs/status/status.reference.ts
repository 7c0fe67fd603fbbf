import type { ReferenceResolvers } from '../../platform/federated-schema';

export const statusReferenceResolvers: ReferenceResolvers = {
  Complaint: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};
