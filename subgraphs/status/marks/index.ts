/** Marks on a complaint's timeline: the record, its GraphQL type, writing them (one transaction each), reading them. */
export { appendMark, type NewMark } from './append-mark';
export { lockApplicantMarks } from './applicant-mark-lock.repository';
export { ApplicantMarkLock } from './applicant-mark-lock.entity';
export { MarkMutationResolver } from './mark-mutation.resolver';
export { MarkWritingService } from './mark-writing.service';
export { StatusMarkRecord } from './status-mark.entity';
export { decodeCursor, encodeCursor, toStatusMark } from './status-mark.mapper';
export { StatusMarkRepository, type MarkPosition, type MarkScope } from './status-mark.repository';
export { StatusMarkResolver } from '../timeline/status-mark.resolver';
export { StatusMark } from './status-mark.type';
export { canTransition, isOpen, TRANSITIONS } from '../complaints/status-transitions';
