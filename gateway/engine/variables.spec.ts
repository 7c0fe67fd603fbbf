import { buildSchema, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import type { PlannedOperation } from './supergraph-planner';
import { variableErrors } from './variables';

const schema = buildSchema('scalar Date type Query { a(i: ID, s: String, n: Int, f: Float, b: Boolean, d: Date): Int }');
const planned = (text: string) => {
  const operation = parse(text).definitions[0] as OperationDefinitionNode;
  return { operationContext: { operation } } as unknown as PlannedOperation;
};

describe('variableErrors', () => {
  const VALUES = [undefined, null, 'a', '', 1, -3, 1.5, 2 ** 31, -(2 ** 31), NaN, Infinity, true, false, {}, [], ['a']];
  it.each(['ID!', 'ID', 'String!', 'String', 'Int!', 'Int', 'Float!', 'Float', 'Boolean!', 'Boolean', '[ID!]', 'Date', 'ID = "x"'])(
    'decides a %s variable exactly as graphql-js coercion does, for every kind of value',
    (type) => {
      const plan = planned(`query Q($v: ${type}) { a }`);
      const definitions = plan.operationContext.operation.variableDefinitions!;
      for (const value of VALUES) {
        const variables = value === undefined ? {} : { v: value };
        const coerces = getVariableValues(schema, definitions, variables).errors === undefined;
        expect([type, value, variableErrors(schema, plan, variables) === null]).toEqual([type, value, coerces]);
      }
    },
  );

  it('codes the errors BAD_USER_INPUT', () => {
    const errors = variableErrors(schema, planned('query Q($v: ID!) { a }'), { v: 1.5 });
    expect(errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
