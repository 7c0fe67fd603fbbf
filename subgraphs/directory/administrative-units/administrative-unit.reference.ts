import type { DirectoryContext } from '../directory.context';

/** `_entities` lookups of units by KATO code, batched through the request's loader (and the read cache). */
export const administrativeUnitReference = {
  AdministrativeUnit: {
    __resolveReference: (ref: { katoCode: string }, ctx: DirectoryContext) => ctx.administrativeUnits.byKatoCode(ref.katoCode),
  },
};
