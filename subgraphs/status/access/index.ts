export { ComplaintAccess, staffAccess, type Access, type StaffMember } from './complaint-access';
export { FormerHolder } from './former-holder.entity';
