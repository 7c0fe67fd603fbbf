import type { DirectoryContext } from '../directory.context';

/** `_entities` lookups of officials, batched through the request's loader (and the read cache). */
export const officialReference = {
  Official: { __resolveReference: (ref: { id: string }, ctx: DirectoryContext) => ctx.officials.byId(ref.id) },
};
