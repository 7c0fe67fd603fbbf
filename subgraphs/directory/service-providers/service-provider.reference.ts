import type { DirectoryContext } from '../directory.context';

/** `_entities` lookups of service providers, batched through the request's loader (and the read cache). */
export const serviceProviderReference = {
  ServiceProvider: { __resolveReference: (ref: { id: string }, ctx: DirectoryContext) => ctx.serviceProviders.byId(ref.id) },
};
