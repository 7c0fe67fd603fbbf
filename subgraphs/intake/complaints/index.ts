/** Complaints as stored and as read: entity, GraphQL types and inputs, reading service, repository, reference resolver. */
export { ComplaintRecord } from './complaint.entity';
export { Complaint } from './complaint.type';
export { FileComplaintInput, OfficeComplaintInput } from './complaint.input';
export { ComplaintReadingService } from './complaint-reading.service';
export { ComplaintRepository } from './complaint.repository';
export { ComplaintResolver } from './complaint.resolver';
export { createIntakeLoaders, type IntakeLoaders } from './complaint.loaders';
export { intakeReferenceResolvers } from './complaint.reference';
export { toComplaint } from './complaint.mapper';
