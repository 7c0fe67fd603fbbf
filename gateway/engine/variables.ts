import { getVariableValues, GraphQLError, Kind, type GraphQLSchema, type TypeNode, type VariableDefinitionNode } from 'graphql';
import type { PlannedOperation } from './supergraph-planner';

/**
 * The errors of variables that do not coerce to the operation's variable types, coded BAD_USER_INPUT (as Apollo
 * Server codes them), for HTTP and WebSocket alike; null when they coerce. Checked before any fetch, so a subgraph is
 * never asked with them.
 */
export function variableErrors(apiSchema: GraphQLSchema, planned: PlannedOperation, variables: Record<string, unknown>): GraphQLError[] | null {
  const definitions = planned.operationContext.operation.variableDefinitions ?? [];
  if (builtInScalarsCoerce(planned, definitions, variables)) return null;
  const coerced = getVariableValues(apiSchema, definitions, variables);
  if (!coerced.errors) return null;
  return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }));
}

type ValueCheck = (value: unknown) => boolean;

/**
 * graphql-js' built-in scalars accept exactly these values (`parseValue` of ID, String, Int, Float, Boolean); a value
 * outside them is left to graphql-js, which then gives the error.
 */
const BUILT_IN: Record<string, ValueCheck> = {
  ID: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)),
  String: (v) => typeof v === 'string',
  Int: (v) => typeof v === 'number' && Number.isInteger(v) && v <= 2147483647 && v >= -2147483648,
  Float: (v) => typeof v === 'number' && Number.isFinite(v),
  Boolean: (v) => typeof v === 'boolean',
};

/** Per plan: one check per variable when every variable is a built-in scalar without a default; else null. */
const simpleChecks = new WeakMap<PlannedOperation, { name: string; required: boolean; check: ValueCheck }[] | null>();

/**
 * Whether every variable is a built-in scalar given a value it accepts (or none, when nullable): then graphql-js'
 * coercion cannot fail and is skipped (it was a visible share of a cabinet query's CPU at the gateway).
 */
function builtInScalarsCoerce(planned: PlannedOperation, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>): boolean {
  let checks = simpleChecks.get(planned);
  if (checks === undefined) {
    checks = simpleVariableChecks(definitions);
    simpleChecks.set(planned, checks);
  }
  if (!checks) return false;
  for (const { name, required, check } of checks) {
    const value = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
    if (value === undefined || value === null ? required : !check(value)) return false;
  }
  return true;
}

function simpleVariableChecks(definitions: readonly VariableDefinitionNode[]) {
  const checks: { name: string; required: boolean; check: ValueCheck }[] = [];
  for (const d of definitions) {
    const required = d.type.kind === Kind.NON_NULL_TYPE;
    const named: TypeNode = required ? (d.type as { type: TypeNode }).type : d.type;
    const check = named.kind === Kind.NAMED_TYPE && !d.defaultValue ? BUILT_IN[named.name.value] : undefined;
    if (!check) return null;
    checks.push({ name: d.variable.name.value, required, check });
  }
  return checks;
}
