import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import type { AuthChecker } from 'type-graphql';
import { Forbidden, Unauthenticated } from './errors';
import { iinProblem } from '../contracts/iin';

/** Roles of ../shared/api.md plus `service`, used only between our own services. */
export const ROLES = ['citizen', 'clerk', 'official', 'agency', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  role: Role;
  iin?: string;
  officialId?: string;
  /** Expiry in seconds since the epoch. */
  exp?: number;
  /** The raw bearer header, forwarded on calls made on the caller's behalf. */
  authorization: string;
}

export interface AuthState {
  principal: Principal | null;
  /** Set when a token was sent but is invalid; raised only where authentication is needed. */
  error?: Unauthenticated;
}

export interface AuthContext {
  auth: AuthState;
}

const ALG = 'HS256';

/** Verified tokens remembered per process; the same token string always verifies the same way until it expires. */
const VERIFIED_CACHE_SIZE = 10_000;
/** Default longest token life (AUTH_MAX_TOKEN_TTL). */
export const DEFAULT_MAX_TOKEN_TTL_SECONDS = 24 * 3600;
/** Clock skew tolerated between the issuer and us when checking how far ahead `exp` is. */
const CLOCK_SKEW_SECONDS = 60;

export class TokenService {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, Omit<Principal, 'authorization'>>();

  /** `maxTtlSeconds`: a token must expire, and at most this far ahead (a stolen token is not good for years). */
  constructor(
    secret: string,
    private readonly maxTtlSeconds = DEFAULT_MAX_TOKEN_TTL_SECONDS,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async mint(claims: { sub: string; role: Role; iin?: string; officialId?: string }, expiresIn: string | number = '12h') {
    return new SignJWT({ role: claims.role, iin: claims.iin, officialId: claims.officialId })
      .setProtectedHeader({ alg: ALG })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.key)
      .then((token) => {
        const { exp } = decodeJwt(token);
        if (exp !== undefined && exp - Date.now() / 1000 > this.maxTtlSeconds) {
          throw new Error(`A token may live at most ${this.maxTtlSeconds} s (AUTH_MAX_TOKEN_TTL); asked for ${expiresIn}`);
        }
        return token;
      });
  }

  /** Returns the principal for a `Bearer` header; throws `Unauthenticated` for anything malformed or invalid. */
  async verify(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new Unauthenticated('The Authorization header must be "Bearer <token>"');
    const known = this.verified.get(match[1]);
    if (known) {
      if (known.exp !== undefined && known.exp * 1000 <= Date.now()) {
        this.verified.delete(match[1]);
        throw new Unauthenticated('The token has expired');
      }
      return { ...known, authorization: authorization.trim() };
    }
    const principal = await this.verifySignature(match[1]);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(match[1], principal);
    return { ...principal, authorization: authorization.trim() };
  }

  private async verifySignature(token: string): Promise<Omit<Principal, 'authorization'>> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: [ALG] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new Unauthenticated('The token has expired');
      throw new Unauthenticated('The token is invalid');
    }
    const role = payload.role as Role;
    if (!payload.sub || !ROLES.includes(role)) throw new Unauthenticated('The token has no valid sub and role');
    const iin = typeof payload.iin === 'string' ? payload.iin : undefined;
    const officialId = typeof payload.officialId === 'string' ? payload.officialId : undefined;
    if (role === 'citizen' && !(iin && iinProblem(iin) === null)) throw new Unauthenticated('A citizen token needs a valid iin');
    if (payload.exp === undefined) throw new Unauthenticated('The token has no expiry (exp)');
    if (payload.exp - Date.now() / 1000 > this.maxTtlSeconds + CLOCK_SKEW_SECONDS) {
      throw new Unauthenticated(`The token lives too long: at most ${this.maxTtlSeconds} s are accepted`);
    }
    if ((role === 'clerk' || role === 'official') && !officialId) {
      throw new Unauthenticated(`A ${role} token needs an officialId`);
    }
    return { sub: payload.sub, role, iin, officialId, exp: payload.exp };
  }

  /** Never throws: an invalid token is remembered and raised only where authentication is required. */
  async authenticate(authorization: string | undefined): Promise<AuthState> {
    if (!authorization) return { principal: null };
    try {
      return { principal: await this.verify(authorization) };
    } catch (err) {
      return { principal: null, error: err as Unauthenticated };
    }
  }
}

/**
 * Who an operation runs for. One of our services (the gateway) may carry many users' operations over one
 * connection or one batched request: each operation then names its user in `extensions.authorization` (absent:
 * anonymous), never acting as the service itself. Only a service may do that, so a citizen cannot act as someone else.
 */
export async function operationCaller(tokens: TokenService, transport: AuthState, extensions: unknown): Promise<AuthState> {
  if (transport.principal?.role !== 'service') return transport;
  const onBehalfOf = (extensions as { authorization?: unknown } | null | undefined)?.authorization;
  return tokens.authenticate(typeof onBehalfOf === 'string' ? onBehalfOf : undefined);
}

/** The caller, who must hold one of `roles` (any role when empty). */
export function requireRole(auth: AuthState, ...roles: Role[]): Principal {
  if (auth.error) throw auth.error;
  if (!auth.principal) throw new Unauthenticated();
  if (roles.length > 0 && !roles.includes(auth.principal.role)) {
    throw new Forbidden(`This needs one of the roles: ${roles.join(', ')}`);
  }
  return auth.principal;
}

/** type-graphql `@Authorized(...roles)` backed by `requireRole`. */
export const authChecker: AuthChecker<AuthContext, Role> = ({ context }, roles) => {
  requireRole(context.auth, ...roles);
  return true;
};

/**
 * A `service` token for calls between our own services, minted on demand and reused until halfway through its
 * ten-minute life.
 */
export function serviceTokenSource(tokens: TokenService, service: string): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (!cached || cached.until < Date.now()) {
      cached = { token: await tokens.mint({ sub: service, role: 'service' }, '10m'), until: Date.now() + 5 * 60_000 };
    }
    return cached.token;
  };
}
