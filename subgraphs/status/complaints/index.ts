/** Status's copy of each complaint (from intake's ComplaintFiled, moved on by marks), its queries and its lifecycle. */
export { ComplaintNumbers, type NumberSource } from './complaint-numbers';
export { TrackedComplaint } from './tracked-complaint.entity';
export { TrackedComplaintRepository } from './tracked-complaint.repository';
export { canTransition, isOpen, TRANSITIONS } from './status-transitions';
