import type { Principal } from '../platform/auth';

/** Who a per-caller limit counts: the user of a valid token, else the network address. */
export function callerKey(principal: Principal | null, address: string | undefined): string {
  return principal ? `${principal.role}:${principal.sub}` : `anonymous:${address ?? 'unknown'}`;
}
