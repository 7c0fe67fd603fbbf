import type { DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database';
import { BadUserInput, Conflict, NotFound } from '../../../platform/errors';
import type { CreateAdministrativeUnitInput, UpdateAdministrativeUnitInput } from './administrative-unit.inputs';
import { AdministrativeUnit } from './administrative-unit.type';
import { conflictOnDuplicate, requiredText, validKato } from '../validation/directory.validation';
import { katoRegion } from '../validation/kato.rule';
import { Official } from '../officials/official.type';
import { requireUnit } from '../officials/official.service';

/** Administration of administrative-territorial units (role admin; the resolver checks it). */
export class AdministrativeUnitService {
  constructor(private readonly db: DataSource) {}

  async create(input: CreateAdministrativeUnitInput): Promise<AdministrativeUnit> {
    const katoCode = validKato(input.katoCode, 'input.katoCode');
    const nameKk = requiredText(input.nameKk, 'input.nameKk', 300);
    const nameRu = requiredText(input.nameRu, 'input.nameRu', 300);
    const parentKatoCode = input.parentKatoCode ? validKato(input.parentKatoCode, 'input.parentKatoCode') : null;
    if (parentKatoCode && (parentKatoCode === katoCode || katoRegion(parentKatoCode) !== katoRegion(katoCode))) {
      throw new BadUserInput('The parent must be another unit of the same region', 'input.parentKatoCode');
    }
    const duplicate = `An administrative unit with KATO code ${katoCode} already exists`;
    return conflictOnDuplicate(
      () =>
        inTransaction(this.db, async (em) => {
          if (await em.existsBy(AdministrativeUnit, { katoCode })) throw new Conflict(duplicate, { field: 'input.katoCode' });
          if (parentKatoCode) await requireUnit(em, parentKatoCode, 'input.parentKatoCode');
          return em.save(
            em.create(AdministrativeUnit, { katoCode, nameKk, nameRu, parentKatoCode, akimOfficialId: null, active: true }),
          );
        }),
      duplicate,
      { field: 'input.katoCode' },
    );
  }

  async update(katoCode: string, input: UpdateAdministrativeUnitInput): Promise<AdministrativeUnit> {
    const changes: Partial<AdministrativeUnit> = {};
    if (input.nameKk != null) changes.nameKk = requiredText(input.nameKk, 'input.nameKk', 300);
    if (input.nameRu != null) changes.nameRu = requiredText(input.nameRu, 'input.nameRu', 300);
    if (input.active != null) changes.active = input.active;
    return inTransaction(this.db, async (em) => {
      const unit = await em.findOneBy(AdministrativeUnit, { katoCode });
      if (!unit) throw new NotFound('Administrative unit', katoCode);
      if (input.akimOfficialId === null) changes.akimOfficialId = null;
      else if (input.akimOfficialId !== undefined) {
        const akim = await em.findOneBy(Official, { id: input.akimOfficialId });
        if (!akim || !akim.active || akim.serviceProviderId || akim.katoCode !== katoCode) {
          throw new BadUserInput(
            'The akim must be an active akimat official of this unit (its katoCode, no service provider)',
            'input.akimOfficialId',
          );
        }
        changes.akimOfficialId = akim.id;
      }
      return em.save(Object.assign(unit, changes));
    });
  }

  /** No longer listed; jurisdiction walks past its akim to the unit above. */
  deactivate(katoCode: string): Promise<AdministrativeUnit> {
    return this.update(katoCode, { active: false });
  }
}
