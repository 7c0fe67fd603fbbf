import { buildSchema, GraphQLError, parse, validate, type ParseOptions, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';

/** The size rules need no schema; graphql-js' `validate` needs one. */
const ANY_SCHEMA = buildSchema('type Query { _: Boolean }');

/** Null when a query passes, else the error to answer with (400). */
export type QueryPrecheck = (query: string) => GraphQLError | null;

/**
 * The size limits (platform/query-limits.ts: linear, schema-free), checked before Apollo Server sees the request.
 * Apollo Server runs every validation rule in one pass, so a document past the limits would still pay for graphql-js'
 * specified rules (OverlappingFieldsCanBeMerged is quadratic in fields sharing a response name); the gateway's planner
 * does the same over WebSocket. Documents that passed are remembered, so a repeated operation is not parsed twice.
 * A syntax error is left to Apollo Server (it answers GRAPHQL_PARSE_FAILED).
 */
export function limitsPrecheck(rules: ValidationRule[], parseOptions: ParseOptions): QueryPrecheck {
  const passed = new LRUCache<string, true>({ max: 5000, maxSize: 64 * 1024 * 1024, sizeCalculation: (_v, key) => key.length + 1 });
  return (query) => {
    if (passed.has(query)) return null;
    let document;
    try {
      document = parse(query, parseOptions);
    } catch {
      return null;
    }
    const [first] = validate(ANY_SCHEMA, document, rules);
    if (!first) {
      passed.set(query, true);
      return null;
    }
    return new GraphQLError(first.message, { nodes: first.nodes, extensions: { ...first.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
  };
}
