import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values clients may branch on. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** `field` names the input path at fault, e.g. `input.applicant.surname`. */
export class BadUserInput extends AppError {
  constructor(message: string, field?: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, field ? { field, ...extra } : extra);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class NotFound extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`, { id });
  }
}

export class Conflict extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('CONFLICT', message, extra);
  }
}

/**
 * A dependency did not answer; the request may be retried. `outcome` says whether it changed nothing
 * (`NOT_APPLIED`, the default) or may have committed (`UNKNOWN`: retry with the same idempotency key).
 */
export class ServiceUnavailable extends AppError {
  constructor(message: string, outcome: 'NOT_APPLIED' | 'UNKNOWN' = 'NOT_APPLIED') {
    super('SERVICE_UNAVAILABLE', message, { retryable: true, outcome });
  }
}

/** Too many requests from one caller: `retryAfter` seconds to wait (the gateway's per-caller limits). */
export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, extra: Record<string, unknown> = {}) {
    super('RATE_LIMITED', `Too many requests: try again in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds, ...extra });
  }
}
