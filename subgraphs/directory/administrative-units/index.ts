/** Administrative-territorial units (KATO), their hierarchy and their akims. */
export { AdministrativeUnitRecord } from './administrative-unit.entity';
export { AdministrativeUnit } from './administrative-unit.type';
export { AdministrativeUnitResolver } from './administrative-unit.resolver';
export { administrativeUnitReference } from './administrative-unit.reference';
export { AdministrativeUnitService } from './administrative-unit.service';
export { AdministrativeUnitRepository } from './administrative-unit.repository';
