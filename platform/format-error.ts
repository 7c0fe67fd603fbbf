import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Config } from './config';
import type { Logger } from './logger';
import { classifyOutage } from './outage';

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_TRUSTED',
  'RATE_LIMITED',
]);

/** Client errors pass through; anything unexpected is logged and, in production, reduced to a generic message. */
export function formatError(config: Config, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && KNOWN_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      // A result-side BAD_USER_INPUT (e.g. a Date out of range) names the field by its path.
      if (code === 'BAD_USER_INPUT' && extensions.field === undefined && formatted.path) extensions.field = formatted.path.join('.');
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    // type-graphql input validation and graphql-js coercion errors are the caller's fault.
    if (original instanceof GraphQLError && /Variable "|Argument Validation Error|Expected value of type/.test(original.message)) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
    }
    // A lost database or Redis connection is an outage, not a bug: retryable, and without the driver's text.
    const outage = classifyOutage(original);
    if (outage) {
      logger.warn({ err: (original as Error)?.message, ...outage }, 'dependency unavailable');
      return {
        message: `The ${outage.dependency} is unavailable; try again (send the same idempotencyKey when retrying a filing)`,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, ...outage },
      };
    }
    logger.error({ err: original }, 'unexpected error');
    return config.env === 'production'
      ? { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
      : { ...formatted, extensions: { ...formatted.extensions, code: code ?? 'INTERNAL_SERVER_ERROR' } };
  };
}
