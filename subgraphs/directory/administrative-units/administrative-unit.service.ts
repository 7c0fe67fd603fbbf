import { requireRole } from '../../../platform/auth';
import { Conflict, NotFound } from '../../../platform/errors';
import { required } from '../../../platform/validation';
import type { DirectoryRequest } from '../directory.request';
import { conflictOnDuplicate } from '../validation/conflict-on-duplicate';
import type { AdministrativeUnitRecord } from './administrative-unit.entity';
import type { CreateAdministrativeUnitInput, UpdateAdministrativeUnitInput } from './administrative-unit.inputs';
import { akimOfUnit, unitOnRecord, validateNewUnit, validateUnitChanges } from './administrative-unit.validation';

/** Administrative-territorial units: public reads; administration for the admin role only. */
export class AdministrativeUnitService {
  constructor(private readonly request: DirectoryRequest) {}

  byKatoCode(katoCode: string | null | undefined): Promise<AdministrativeUnitRecord | null> {
    return katoCode ? this.request.loaders.administrativeUnit.load(katoCode) : Promise.resolve(null);
  }

  /** Active units under a parent; the top level when no parent is given. */
  activeChildren(parentKatoCode: string | null): Promise<AdministrativeUnitRecord[]> {
    return this.request.store.read.administrativeUnits.activeChildren(parentKatoCode);
  }

  async create(input: CreateAdministrativeUnitInput): Promise<AdministrativeUnitRecord> {
    requireRole(this.request.auth, 'admin');
    const unit = validateNewUnit(input);
    const duplicate = `An administrative unit with KATO code ${unit.katoCode} already exists`;
    return conflictOnDuplicate(
      () =>
        this.request.store.transaction(async (tx) => {
          if (await tx.administrativeUnits.exists(unit.katoCode)) throw new Conflict(duplicate, { field: 'input.katoCode' });
          if (unit.parentKatoCode) {
            const parent = await tx.administrativeUnits.byKatoCode(unit.parentKatoCode);
            required('input.parentKatoCode', unitOnRecord(parent, unit.parentKatoCode));
          }
          return tx.administrativeUnits.add({ ...unit, akimOfficialId: null, active: true });
        }),
      duplicate,
      { field: 'input.katoCode' },
    );
  }

  /** Names, active flag, and the akim (null removes them). */
  async update(katoCode: string, input: UpdateAdministrativeUnitInput): Promise<AdministrativeUnitRecord> {
    requireRole(this.request.auth, 'admin');
    const changes = validateUnitChanges(input);
    return this.request.store.transaction(async (tx) => {
      const unit = await tx.administrativeUnits.byKatoCode(katoCode);
      if (!unit) throw new NotFound('Administrative unit', katoCode);
      if (input.akimOfficialId === null) changes.akimOfficialId = null;
      else if (input.akimOfficialId !== undefined) {
        const akim = required('input.akimOfficialId', akimOfUnit(await tx.officials.byId(input.akimOfficialId), katoCode));
        changes.akimOfficialId = akim.id;
      }
      return tx.administrativeUnits.save(Object.assign(unit, changes));
    });
  }

  /** No longer listed; jurisdiction walks past its akim to the unit above. */
  deactivate(katoCode: string): Promise<AdministrativeUnitRecord> {
    return this.update(katoCode, { active: false });
  }
}
