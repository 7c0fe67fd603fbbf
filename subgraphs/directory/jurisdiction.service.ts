import type { DataSource } from 'typeorm';
import { Addressee, ReviewBodyKind } from '../../platform/enums';
import { AppError, BadUserInput, NotFound } from '../../platform/errors';
import type { DirectoryLoaders } from './directory.loaders';
import type { JurisdictionDecision } from './jurisdiction.type';
import type { Official } from './official.type';

export interface JurisdictionQuery {
  addressee: Addressee;
  serviceProviderId: string;
  katoCode?: string | null;
  publicService?: string | null;
}

/** Chooses the competent official for a complaint (seed step 3). */
export class JurisdictionService {
  constructor(
    private readonly db: DataSource,
    private readonly loaders: DirectoryLoaders,
  ) {}

  async decide(q: JurisdictionQuery): Promise<JurisdictionDecision> {
    const provider = await this.loaders.serviceProvider.load(q.serviceProviderId);
    if (!provider) throw new NotFound('Service provider', q.serviceProviderId);

    if (q.addressee === Addressee.AKIM) {
      if (!q.katoCode) throw new BadUserInput('katoCode is required when the addressee is AKIM', 'katoCode');
      let unit = await this.loaders.administrativeUnit.load(q.katoCode);
      if (!unit) throw new NotFound('Administrative unit', q.katoCode);
      const asked = unit;
      while (unit) {
        const akim = unit.akimOfficialId ? await this.active(unit.akimOfficialId) : null;
        if (akim) {
          const rule = unit === asked ? `akim of ${unit.nameRu}` : `akim of ${unit.nameRu} (no akim on record for ${asked.nameRu})`;
          return { official: akim, rule, bodyKind: ReviewBodyKind.LOCAL_EXECUTIVE_BODY };
        }
        unit = unit.parentKatoCode ? await this.loaders.administrativeUnit.load(unit.parentKatoCode) : null;
      }
      throw new AppError('NOT_FOUND', `No akim is on record for ${asked.nameRu} or any unit above it`);
    }

    const head = provider.headOfficialId ? await this.active(provider.headOfficialId) : null;
    if (!head) throw new AppError('NOT_FOUND', `Nobody active is on record as head of ${provider.nameRu}`);
    return { official: head, rule: `head of ${provider.nameRu}`, bodyKind: ReviewBodyKind.SERVICE_PROVIDER };
  }

  private async active(id: string): Promise<Official | null> {
    const official = await this.loaders.official.load(id);
    return official?.active ? official : null;
  }
}
