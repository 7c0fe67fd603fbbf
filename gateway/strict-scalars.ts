import { isScalarType, type GraphQLSchema } from 'graphql';
import { DateScalar, DateTimeScalar } from '../platform/scalars';

/**
 * The supergraph carries custom scalars without their rules, so the gateway would pass any string on as a `Date`
 * and the subgraph's refusal would come back as the subgraph's problem. This gives the gateway's schema the
 * subgraphs' input rules for `Date` and `DateTime` (platform/scalars.ts), so "2025-02-30" or "yesterday" is refused
 * at the gateway, before any fetch: GRAPHQL_VALIDATION_FAILED in a literal, BAD_USER_INPUT in a variable, over HTTP
 * and WebSocket alike. Output serialisation is left as it was (the subgraphs serialise).
 */
export function strictScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const strict of [DateScalar, DateTimeScalar]) {
    const type = schema.getType(strict.name);
    if (!type || !isScalarType(type)) continue;
    Object.assign(type, { parseValue: strict.parseValue, parseLiteral: strict.parseLiteral });
  }
  return schema;
}
