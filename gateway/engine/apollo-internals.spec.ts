import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { parse } from 'graphql';
import { operationContext, runQueryPlan } from './apollo-internals';
import { SupergraphPlanner } from './supergraph-planner';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

/** What the engine relies on in `@apollo/gateway`'s executor; an upgrade that changes any of it fails here. */
describe('apollo-internals: the typed adapter over @apollo/gateway', () => {
  const planner = new SupergraphPlanner(sdl);
  const CABINET = 'query Cabinet($id: ID!) { complaint(id: $id) { number handler { surname } } }';

  function fakeSubgraphs(answers: Record<string, (options: GraphQLDataSourceProcessOptions) => GatewayGraphQLResponse>) {
    const calls: GraphQLDataSourceProcessOptions[] = [];
    const serviceMap: ServiceMap = Object.fromEntries(
      Object.entries(answers).map(([name, answer]) => [name, { process: async (options: GraphQLDataSourceProcessOptions) => (calls.push(options), answer(options)) }]),
    );
    return { serviceMap, calls };
  }

  it('picks the named operation of a document, with its fragments', () => {
    const document = parse('query A { contactCenter { phones } } query B { ...F } fragment F on Query { contactCenter { phones } }');
    const context = operationContext(planner.apiGraphQLSchema, document, 'B');
    expect(context.operation.name?.value).toBe('B');
    expect(Object.keys(context.fragments)).toEqual(['F']);
  });

  it("runs a plan's fetches in order, handing each client the caller's context and only the variables it uses", async () => {
    const { serviceMap, calls } = fakeSubgraphs({
      intake: () => ({ data: { complaint: { number: 'Ж-1', handler: { __typename: 'Official', id: 'o1' } } } }),
      directory: ({ request }) => {
        const [representation] = request.variables!.representations as { id: string }[];
        return { data: { _entities: [{ surname: `of ${representation.id}` }] } };
      },
    });
    const planned = planner.plan(CABINET);
    const context = { authorization: 'Bearer caller' };
    const result = await runQueryPlan(planned.queryPlan, serviceMap, { variables: { id: 'c1', other: 1 }, context }, planned.operationContext, planner);

    expect(result).toEqual({ data: { complaint: { number: 'Ж-1', handler: { surname: 'of o1' } } } });
    expect(calls.map((c) => c.request.variables)).toEqual([{ id: 'c1' }, { representations: [{ __typename: 'Official', id: 'o1' }] }]);
    expect(calls.every((c) => c.context === context)).toBe(true);
  });

  it("keeps a subgraph's errors, with their codes, on the path of the field they concern", async () => {
    const { serviceMap } = fakeSubgraphs({
      intake: () => ({ data: { complaint: null }, errors: [{ message: 'No such complaint', path: ['complaint'], extensions: { code: 'NOT_FOUND' } }] }),
      directory: () => ({ data: { _entities: [] } }),
    });
    const planned = planner.plan(CABINET);
    const result = await runQueryPlan(planned.queryPlan, serviceMap, { variables: { id: 'c1' }, context: {} }, planned.operationContext, planner);

    expect(result.data).toEqual({ complaint: null });
    expect(result.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code }))).toEqual([
      { message: 'No such complaint', path: ['complaint'], code: 'NOT_FOUND' },
    ]);
  });
});
