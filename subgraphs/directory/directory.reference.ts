import type { ReferenceResolvers } from '../../platform/federated-schema';
import type { DirectoryContext } from './directory.context';

/** `_entities` lookups, batched through the request's loaders. */
export const directoryReferenceResolvers: ReferenceResolvers = {
  Official: { __resolveReference: (ref: { id: string }, ctx: DirectoryContext) => ctx.loaders.official.load(ref.id) },
  ServiceProvider: {
    __resolveReference: (ref: { id: string }, ctx: DirectoryContext) => ctx.loaders.serviceProvider.load(ref.id),
  },
  AdministrativeUnit: {
    __resolveReference: (ref: { katoCode: string }, ctx: DirectoryContext) =>
      ctx.loaders.administrativeUnit.load(ref.katoCode),
  },
};
