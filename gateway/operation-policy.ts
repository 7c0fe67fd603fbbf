import { NoSchemaIntrospectionCustomRule, type ParseOptions, type ValidationRule } from 'graphql';
import type { Config } from '../platform/config';
import { limitParseOptions, queryLimitsRule } from '../platform/query-limits';

/**
 * What the gateway accepts, one policy for HTTP (Apollo Server) and WebSocket (SupergraphPlanner): the parser's
 * token limit, the validation rules (query limits; in production no introspection, by the same graphql-js rule on
 * both sides, so both answer with the same message) and, in production, validation messages without
 * "Did you mean …" suggestions (they spell out the schema).
 */
export interface OperationPolicy {
  parseOptions: ParseOptions;
  /** The size limits alone (schema-free, linear): checked first, before graphql-js' specified rules. */
  limitRules: ValidationRule[];
  validationRules: ValidationRule[];
  hideSchemaDetails: boolean;
}

export function operationPolicy(config: Config): OperationPolicy {
  const production = config.env === 'production';
  const l = config.limits;
  const limits = { maxDepth: l.queryMaxDepth, maxFields: l.queryMaxFields, maxTokens: l.queryMaxTokens };
  const limitRules = [queryLimitsRule(limits)];
  return {
    parseOptions: limitParseOptions(limits),
    limitRules,
    validationRules: [...limitRules, ...(production ? [NoSchemaIntrospectionCustomRule] : [])],
    hideSchemaDetails: production,
  };
}
