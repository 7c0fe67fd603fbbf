import { NoSchemaIntrospectionCustomRule, type ParseOptions, type ValidationRule } from 'graphql';
import type { Config } from '../platform/config';
import { limitParseOptions, queryLimitsRule } from '../platform/query-limits';

/**
 * What the gateway accepts, the same over HTTP (Apollo Server) and WebSocket (SupergraphPlanner): the parser's
 * token limit, the validation rules (query limits; in production no introspection) and, in production, validation
 * messages without "Did you mean …" suggestions (they spell out the schema).
 */
export interface OperationPolicy {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  introspection: boolean;
  hideSchemaDetails: boolean;
}

export function operationPolicy(config: Config): OperationPolicy {
  const production = config.env === 'production';
  const l = config.limits;
  const limits = { maxDepth: l.queryMaxDepth, maxFields: l.queryMaxFields, maxTokens: l.queryMaxTokens };
  return {
    parseOptions: limitParseOptions(limits),
    // Apollo Server adds the introspection rule itself when `introspection` is false; the planner adds it here.
    validationRules: [queryLimitsRule(limits)],
    introspection: !production,
    hideSchemaDetails: production,
  };
}

/** The rules the planner applies on top of graphql-js' specified rules. */
export function plannerValidationRules(policy: OperationPolicy): ValidationRule[] {
  return [...policy.validationRules, ...(policy.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
}

