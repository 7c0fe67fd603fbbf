import { invalid, Problems, requiredText, valid, type RuleResult } from '../../../platform/validation';
import type { OfficialRecord } from '../officials/official.entity';
import { katoCode, katoRegion } from '../validation/kato.rule';
import type { AdministrativeUnitRecord } from './administrative-unit.entity';
import type { CreateAdministrativeUnitInput, UpdateAdministrativeUnitInput } from './administrative-unit.inputs';

export interface NewAdministrativeUnit {
  katoCode: string;
  nameKk: string;
  nameRu: string;
  parentKatoCode: string | null;
}

/** A new unit, checked: a valid KATO code, names, and a parent (if any) that is another unit of the same region. */
export function validateNewUnit(input: CreateAdministrativeUnitInput): NewAdministrativeUnit {
  const p = new Problems();
  const code = p.check('input.katoCode', katoCode(input.katoCode), '');
  const nameKk = p.check('input.nameKk', requiredText(input.nameKk, 'input.nameKk', 300), '');
  const nameRu = p.check('input.nameRu', requiredText(input.nameRu, 'input.nameRu', 300), '');
  const parentKatoCode = input.parentKatoCode ? p.check('input.parentKatoCode', katoCode(input.parentKatoCode), null) : null;
  if (code && parentKatoCode && (parentKatoCode === code || katoRegion(parentKatoCode) !== katoRegion(code))) {
    p.add('input.parentKatoCode', 'The parent must be another unit of the same region');
  }
  p.assertNone();
  return { katoCode: code, nameKk, nameRu, parentKatoCode };
}

/** The name and active-flag changes asked of a unit, checked (the akim is checked against the database). */
export function validateUnitChanges(input: UpdateAdministrativeUnitInput): Partial<AdministrativeUnitRecord> {
  const p = new Problems();
  const changes: Partial<AdministrativeUnitRecord> = {};
  if (input.nameKk != null) changes.nameKk = p.check('input.nameKk', requiredText(input.nameKk, 'input.nameKk', 300), '');
  if (input.nameRu != null) changes.nameRu = p.check('input.nameRu', requiredText(input.nameRu, 'input.nameRu', 300), '');
  if (input.active != null) changes.active = input.active;
  p.assertNone();
  return changes;
}

/** The unit a KATO code names must be on record. */
export function unitOnRecord(unit: AdministrativeUnitRecord | null, code: string): RuleResult<AdministrativeUnitRecord> {
  return unit ? valid(unit) : invalid(`No administrative unit ${code} is on record`);
}

/** A unit's akim is an active akimat official of that unit: its katoCode, and no service provider. */
export function akimOfUnit(official: OfficialRecord | null, code: string): RuleResult<OfficialRecord> {
  return official && official.active && !official.serviceProviderId && official.katoCode === code
    ? valid(official)
    : invalid('The akim must be an active akimat official of this unit (its katoCode, no service provider)');
}
