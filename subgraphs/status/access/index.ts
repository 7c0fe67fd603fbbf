/** Who may read and act on a complaint (the same rule as intake's), and the records it rests on. */
export { ComplaintAccess, staffAccess, type Access, type StaffMember } from './complaint-access';
export { FormerHolder } from './former-holder.entity';
export { FormerHolderRepository } from './former-holder.repository';
export { recordForward } from './forward-record';
