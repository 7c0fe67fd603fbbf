/**
 * Recognises a lost or refused connection to a dependency (MySQL/MariaDB through mysql2 and TypeORM, Redis through
 * ioredis), so it can reach clients as a retryable `SERVICE_UNAVAILABLE` instead of an internal error carrying the
 * driver's text.
 */
export type Dependency = 'database' | 'redis';

/** The request may be retried as it is: `NOT_APPLIED` = it changed nothing; `UNKNOWN` = it may have committed. */
export type Outcome = 'NOT_APPLIED' | 'UNKNOWN';

export interface Outage {
  dependency: Dependency;
  outcome: Outcome;
}

/** No connection could be made: nothing was sent, so nothing was applied. */
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ER_CON_COUNT_ERROR']);
/** A connection broke while in use: a COMMIT may or may not have reached the server. */
const LOST = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
]);
const REDIS_ERRORS = new Set(['MaxRetriesPerRequestError', 'ReplyError']);

export function classifyOutage(err: unknown): Outage | null {
  for (let e = err as any, depth = 0; e && depth < 4; e = e.driverError ?? e.thrownValue ?? e.cause ?? e.originalError, depth++) {
    if (typeof e !== 'object') return null;
    const code = typeof e.code === 'string' ? e.code : undefined;
    const message = typeof e.message === 'string' ? e.message : '';
    if (REDIS_ERRORS.has(e.name) && /retr|connect|LOADING|closed/i.test(message)) return { dependency: 'redis', outcome: 'UNKNOWN' };
    if (/^Connection is closed\.?$|Stream isn't writeable/.test(message)) return { dependency: 'redis', outcome: 'NOT_APPLIED' };
    if (code && REFUSED.has(code)) return { dependency: 'database', outcome: 'NOT_APPLIED' };
    if ((code && LOST.has(code)) || e.fatal === true) return { dependency: 'database', outcome: 'UNKNOWN' };
    if (/Pool is closed|connection is in closed state|Connection lost|Connection is not established/i.test(message)) {
      return { dependency: 'database', outcome: 'UNKNOWN' };
    }
  }
  return null;
}
