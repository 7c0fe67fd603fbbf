import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { TokenService } from '../platform/auth';
import { nameArgumentFields } from './argument-fields';
import { callerKey } from './caller-key';
import { rootFieldCount } from './mutation-count';
import type { GatewayContext } from './gateway.context';
import { rateLimitedError, type CallerRateLimits } from './rate-limits';
import { operationResolutionError } from './engine';

/**
 * Over HTTP: validation errors about a literal name its argument (`extensions.field`, as over WebSocket). Once the
 * operation is known: an operation that cannot be chosen (unknown `operationName`) gets 400
 * OPERATION_RESOLUTION_FAILURE as over WebSocket (left alone, the engine would throw a 500), and a mutation past its
 * caller's rate limit gets 429 RATE_LIMITED with Retry-After, before any subgraph is asked.
 */
export function requestPolicyPlugin(tokens: TokenService, limits: CallerRateLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors) => {
            if (errors) nameArgumentFields(document, errors.filter((e): e is GraphQLError => e instanceof GraphQLError));
          };
        },
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) {
            const error = operationResolutionError(document, request.operationName, true);
            if (error) throw error;
          }
          if (operation?.operation === 'mutation') await limitMutation(tokens, limits, contextValue, document, operation);
        },
      };
    },
  };
}

/**
 * Counts a mutation's root fields against its caller's limit; past it, throws RATE_LIMITED with 429 and Retry-After.
 * Over HTTP: from this plugin, and from the fast lane (gateway/fast-lane) for mutations it runs itself.
 */
export async function limitMutation(
  tokens: TokenService,
  limits: CallerRateLimits,
  context: GatewayContext,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Promise<void> {
  const { principal } = await tokens.authenticate(context.authorization);
  const limited = await limits.consume('mutation', callerKey(principal, context.clientAddress), rootFieldCount(document, operation));
  if (limited) throw rateLimitedError(limited, { headers: new HeaderMap([['retry-after', String(limited.retryAfterSeconds)]]) });
}
