import { StatusMarkKind as K } from '../../../contracts/enums';

/**
 * Which mark may follow the complaint's current status. REVIEWED and WITHDRAWN end the timeline. After
 * FORWARDED the new handler registers the complaint anew (its term runs from that registration, APPC Art. 65).
 */
export const TRANSITIONS: Readonly<Record<K, readonly K[]>> = {
  [K.DELIVERED]: [K.REGISTERED, K.FORWARDED, K.WITHDRAWN],
  [K.REGISTERED]: [K.IN_EXECUTION, K.REVIEWED, K.FORWARDED, K.EXTENDED, K.WITHDRAWN],
  [K.IN_EXECUTION]: [K.REVIEWED, K.FORWARDED, K.EXTENDED, K.WITHDRAWN],
  [K.EXTENDED]: [K.IN_EXECUTION, K.REVIEWED, K.FORWARDED, K.EXTENDED, K.WITHDRAWN],
  [K.FORWARDED]: [K.REGISTERED, K.FORWARDED, K.WITHDRAWN],
  [K.REVIEWED]: [],
  [K.WITHDRAWN]: [],
};

export function canTransition(from: K, to: K): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the review term runs and the complaint can become overdue. */
export function isOpen(status: K): boolean {
  return status !== K.REVIEWED && status !== K.WITHDRAWN;
}
