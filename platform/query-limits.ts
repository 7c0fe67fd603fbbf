import type { Config } from './config';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** How large an operation may be: nesting depth, fields selected (fragments expanded) and lexical tokens. */
export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
  /** Checked by the parser (`parseOptions`), before any other work: a document past it is never built. */
  maxTokens: number;
}

/** For `parse(text, …)` and Apollo Server's `parseOptions`: the parser stops at the first token past the limit. */
export const limitParseOptions = (limits: QueryLimits): ParseOptions => ({ maxTokens: limits.maxTokens });

/**
 * Most fields one selection set may select under the same response name (inline fragments included). graphql-js'
 * OverlappingFieldsCanBeMerged compares such fields pairwise: 800 copies of `a: contactCenter { phones }` cost 0.6 s
 * of validation. Legitimate documents repeat a name a few times (the same field in several inline fragments).
 */
export const MAX_RESPONSE_NAME_REPEATS = 50;

interface Measure {
  /** Deepest field nesting below (and including) this selection set. */
  depth: number;
  /** Fields selected, fragments expanded (may exceed any integer a query could really run; only compared). */
  fields: number;
}

/**
 * Rejects operations nested deeper than `maxDepth` or selecting more than `maxFields` fields in total (fragments
 * expanded), before any subgraph is asked. Each fragment is measured once and its measure reused at every spread,
 * so the cost is linear in the document even when fragments spread each other exponentially often
 * (`fragment F1 { ...F2 ...F2 } fragment F2 { ...F3 ...F3 } …`): the expanded field count is computed, not walked.
 * A fragment cycle counts as nothing here (graphql-js' NoFragmentCyclesRule reports it).
 *
 * The errors are validation errors: code GRAPHQL_VALIDATION_FAILED over HTTP and WebSocket alike, with
 * `extensions.limit` ('depth' or 'fields') and `extensions.max`.
 */
export function queryLimitsRule(limits: Pick<QueryLimits, 'maxDepth' | 'maxFields'>): ValidationRule {
  const { maxDepth, maxFields } = limits;
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const measured = new Map<string, Measure>();
    const inProgress = new Set<string>();

    const fragmentMeasure = (name: string): Measure | undefined => {
      const known = measured.get(name);
      if (known) return known;
      const frag = fragments.get(name);
      if (!frag || inProgress.has(name)) return undefined;
      inProgress.add(name);
      const m = measure(frag.selectionSet);
      inProgress.delete(name);
      measured.set(name, m);
      return m;
    };

    // Depth is relative: a selection set's fields are at depth 1; a spread adds its fragment's relative depth.
    const measure = (set: SelectionSetNode): Measure => {
      let depth = 0;
      let fields = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          fields++;
          const inner = sel.selectionSet ? measure(sel.selectionSet) : { depth: 0, fields: 0 };
          depth = Math.max(depth, 1 + inner.depth);
          fields += inner.fields;
        } else {
          const inner = sel.kind === Kind.INLINE_FRAGMENT ? measure(sel.selectionSet) : fragmentMeasure(sel.name.value);
          if (inner) {
            depth = Math.max(depth, inner.depth);
            fields += inner.fields;
          }
        }
      }
      return { depth, fields };
    };

    /** Counts response names of a field's, operation's or fragment's selection set, inline fragments flattened. */
    const repeats = (set: SelectionSetNode) => {
      const counts = new Map<string, number>();
      let worst: [string, number] = ['', 0];
      const walk = (s: SelectionSetNode) => {
        for (const sel of s.selections) {
          if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
          else if (sel.kind === Kind.FIELD) {
            const name = sel.alias?.value ?? sel.name.value;
            const n = (counts.get(name) ?? 0) + 1;
            counts.set(name, n);
            if (n > worst[1]) worst = [name, n];
          }
        }
      };
      walk(set);
      if (worst[1] > MAX_RESPONSE_NAME_REPEATS) {
        context.reportError(
          new GraphQLError(`The response name "${worst[0]}" is selected ${worst[1]} times in one selection set; the limit is ${MAX_RESPONSE_NAME_REPEATS}`, {
            nodes: [set],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'repeats', max: MAX_RESPONSE_NAME_REPEATS },
          }),
        );
      }
    };

    return {
      Field(node) {
        if (node.selectionSet) repeats(node.selectionSet);
      },
      FragmentDefinition(node) {
        repeats(node.selectionSet);
      },
      OperationDefinition(node) {
        repeats(node.selectionSet);
        const { depth, fields } = measure(node.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The operation is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: maxDepth },
            }),
          );
        }
        if (fields > maxFields) {
          context.reportError(
            new GraphQLError(`The operation selects more than ${maxFields} fields`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields', max: maxFields },
            }),
          );
        }
      },
    };
  };
}

/**
 * A subgraph's own limits, derived from the gateway's so that every plan the gateway makes of an operation within its
 * limits stays within them: an entity fetch (`_entities { ... on T { … } }`) adds a level; the planner adds
 * `__typename` and key fields beside selected fields (at most about two per field); it sends fragments expanded, so
 * the text has more tokens than the client's (an expanded field costs a handful of tokens). A direct caller on the
 * private network gets no further than that.
 */
export function subgraphQueryLimits(gateway: QueryLimits): QueryLimits {
  const maxFields = gateway.maxFields * 3;
  return {
    maxDepth: gateway.maxDepth + 2,
    maxFields,
    maxTokens: Math.max(gateway.maxTokens, maxFields * 10),
  };
}

/** The subgraph limits of a configuration (over HTTP and a subgraph's own WebSocket). */
export function subgraphLimitsOf(config: Config): QueryLimits {
  const l = config.limits;
  return subgraphQueryLimits({ maxDepth: l.queryMaxDepth, maxFields: l.queryMaxFields, maxTokens: l.queryMaxTokens });
}
