import { Addressee } from '../../../contracts/enums';
import { Forbidden } from '../../../platform/errors';

interface Addressed {
  addressee: Addressee;
  serviceProviderId: string;
}

/**
 * Seed: a paper complaint is handed in at an office: the provider's, or the akimat's when addressed to the akim.
 * Before jurisdiction is known: the clerk's body (`undefined`: unknown or inactive clerk) must be the provider's,
 * or the complaint must go to an akim.
 */
export function assertMayAcceptAtOffice(clerkBody: string | null | undefined, complaint: Addressed): asserts clerkBody is string {
  if (!clerkBody || (clerkBody !== complaint.serviceProviderId && complaint.addressee !== Addressee.AKIM)) {
    throw new Forbidden("A clerk accepts paper complaints only for their own service provider's office");
  }
}

/** Once jurisdiction is known: the clerk's body is the provider's, or the body the complaint goes to (the akimat). */
export function assertOfficeReceives(clerkBody: string, complaint: Addressed, handlerBodyId: string | null): void {
  if (clerkBody !== complaint.serviceProviderId && clerkBody !== handlerBodyId) {
    throw new Forbidden("A clerk accepts paper complaints only for their own office: the provider's, or the akimat the complaint goes to");
  }
}
