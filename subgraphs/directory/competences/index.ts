/** What each official is competent to resolve: public services and issue categories. */
export { CompetenceRecord } from './competence.entity';
export { Competence } from './competence.type';
export { CompetenceKind } from './competence-kind';
export { competenceMatchKey, normaliseMatchText } from './competence-match-key';
export { CompetenceResolver } from './competence.resolver';
export { CompetenceService } from './competence.service';
export { CompetenceRepository } from './competence.repository';
