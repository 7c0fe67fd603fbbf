import DataLoader from 'dataloader';
import type { ComplaintFormerHolder } from '../access';
import type { ComplaintRecord } from './complaint.entity';
import type { ComplaintRepository } from './complaint.repository';

export interface IntakeLoaders {
  /** Complaints by id, batched per request: a page of references is one query. */
  complaint: DataLoader<string, ComplaintRecord | null>;
  /** Who held each complaint before, batched per request. */
  formerHolders: DataLoader<string, ComplaintFormerHolder[]>;
}

export function createIntakeLoaders(repository: ComplaintRepository): IntakeLoaders {
  return {
    complaint: new DataLoader(async (ids) => {
      const found = new Map((await repository.byIds(ids)).map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    formerHolders: new DataLoader(async (ids) => {
      const rows = await repository.formerHolders(ids);
      return ids.map((id) => rows.filter((r) => r.complaintId === id));
    }),
  };
}
