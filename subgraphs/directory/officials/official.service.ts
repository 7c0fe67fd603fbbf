import { requireRole } from '../../../platform/auth';
import { Conflict, NotFound } from '../../../platform/errors';
import { required } from '../../../platform/validation';
import { unitOnRecord } from '../administrative-units/administrative-unit.validation';
import type { CompetenceRecord } from '../competences/competence.entity';
import type { DirectoryRequest } from '../directory.request';
import { conflictOnDuplicate } from '../validation/conflict-on-duplicate';
import type { OfficialRecord } from './official.entity';
import type { CreateOfficialInput, UpdateOfficialInput } from './official.inputs';
import { validateNewOfficial, validateOfficialChanges } from './official.validation';

/** Officials: public reads through the request's loaders; administration for the admin role only. */
export class OfficialService {
  constructor(private readonly request: DirectoryRequest) {}

  byId(id: string | null | undefined): Promise<OfficialRecord | null> {
    return id ? this.request.loaders.official.load(id) : Promise.resolve(null);
  }

  /** Active officials of a provider. */
  activeOfProvider(serviceProviderId: string): Promise<OfficialRecord[]> {
    return this.request.store.read.officials.activeStaff({ serviceProviderId });
  }

  /** What the official resolves, active and deactivated. */
  competencesOf(official: OfficialRecord): Promise<CompetenceRecord[]> {
    return this.request.loaders.competencesOfOfficial.load(official.id);
  }

  /** An official of a provider (in the provider's unit unless another is named) or of an akimat (a unit, no provider). */
  async create(input: CreateOfficialInput): Promise<OfficialRecord> {
    requireRole(this.request.auth, 'admin');
    const official = validateNewOfficial(input);
    const duplicate = `An official with id ${official.id} already exists`;
    return conflictOnDuplicate(
      () =>
        this.request.store.transaction(async (tx) => {
          if (await tx.officials.exists(official.id)) throw new Conflict(duplicate, { field: 'input.id' });
          let unit = official.katoCode;
          if (official.serviceProviderId) {
            const provider = await tx.serviceProviders.byId(official.serviceProviderId);
            if (!provider) throw new NotFound('Service provider', official.serviceProviderId);
            unit = unit ?? provider.katoCode;
          }
          required('input.katoCode', unitOnRecord(await tx.administrativeUnits.byKatoCode(unit!), unit!));
          return tx.officials.add({ ...official, katoCode: unit, active: true });
        }),
      duplicate,
      { field: 'input.id' },
    );
  }

  async update(id: string, input: UpdateOfficialInput): Promise<OfficialRecord> {
    requireRole(this.request.auth, 'admin');
    const changes = validateOfficialChanges(input);
    return this.request.store.transaction(async (tx) => {
      const official = await tx.officials.byId(id);
      if (!official) throw new NotFound('Official', id);
      return tx.officials.save(Object.assign(official, changes));
    });
  }

  /** Kept for history (complaints point at them) but never chosen again. */
  deactivate(id: string): Promise<OfficialRecord> {
    return this.update(id, { active: false });
  }
}
