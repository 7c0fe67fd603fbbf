/** Officials: who works where (a provider, or an akimat), and who may be chosen (active). */
export { OfficialRecord } from './official.entity';
export { Official } from './official.type';
export { OfficialResolver } from './official.resolver';
export { officialReference } from './official.reference';
export { OfficialService } from './official.service';
export { OfficialRepository, type StaffOf } from './official.repository';
