import fs from 'node:fs';
import path from 'node:path';
import { executeQueryPlan, type GraphQLDataSourceProcessOptions, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { executePlan } from './plan-execution';
import { SupergraphPlanner } from './supergraph-planner';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

/** The answers, errors and paths of a plan's run, as `@apollo/gateway`'s executeQueryPlan gave them. */
describe('executePlan', () => {
  const planner = new SupergraphPlanner(sdl);
  const CABINET = 'query Cabinet($id: ID!) { complaint(id: $id) { number handler { surname } } }';

  function fakeSubgraphs(answers: Record<string, (options: GraphQLDataSourceProcessOptions) => GatewayGraphQLResponse>) {
    const calls: GraphQLDataSourceProcessOptions[] = [];
    const serviceMap: ServiceMap = Object.fromEntries(
      Object.entries(answers).map(([name, answer]) => [name, { process: async (options: GraphQLDataSourceProcessOptions) => (calls.push(options), answer(options)) }]),
    );
    return { serviceMap, calls };
  }

  const run = (query: string, serviceMap: ServiceMap, variables: Record<string, unknown>, context = {}) => {
    const planned = planner.plan(query);
    return executePlan(planned.queryPlan, serviceMap, { variables, context }, planned, planner.supergraphSchema);
  };
  /** The same through the executor of `@apollo/gateway` it was ported from. */
  const apolloRun = (query: string, serviceMap: ServiceMap, variables: Record<string, unknown>) => {
    const planned = planner.plan(query);
    const requestContext = { request: { variables }, context: {}, metrics: {}, logger: console } as unknown as GatewayGraphQLRequestContext;
    return executeQueryPlan(planned.queryPlan, serviceMap, requestContext, planned.operationContext, planner.supergraphSchema, planner.apiSchema);
  };
  const plain = (result: object) => JSON.parse(JSON.stringify(result));

  it("runs a plan's fetches in order, handing each client the caller's context and only the variables it uses", async () => {
    const { serviceMap, calls } = fakeSubgraphs({
      intake: () => ({ data: { complaint: { number: 'Ж-1', handler: { __typename: 'Official', id: 'o1' } } } }),
      directory: ({ request }) => {
        const [representation] = request.variables!.representations as { id: string }[];
        return { data: { _entities: [{ surname: `of ${representation.id}` }] } };
      },
    });
    const context = { authorization: 'Bearer caller' };
    const result = await run(CABINET, serviceMap, { id: 'c1', other: 1 }, context);

    expect(result).toEqual({ data: { complaint: { number: 'Ж-1', handler: { surname: 'of o1' } } } });
    expect(calls.map((c) => c.request.variables)).toEqual([{ id: 'c1' }, { representations: [{ __typename: 'Official', id: 'o1' }] }]);
    expect(calls.every((c) => c.context === context)).toBe(true);
    expect(plain(result)).toEqual(plain(await apolloRun(CABINET, serviceMap, { id: 'c1', other: 1 })));
  });

  it("keeps a subgraph's errors, with their codes, on the path of the field they concern", async () => {
    const { serviceMap } = fakeSubgraphs({
      intake: () => ({ data: { complaint: null }, errors: [{ message: 'No such complaint', path: ['complaint'], extensions: { code: 'NOT_FOUND' } }] }),
      directory: () => ({ data: { _entities: [] } }),
    });
    const result = await run(CABINET, serviceMap, { id: 'c1' });

    expect(result.data).toEqual({ complaint: null });
    expect(result.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code }))).toEqual([
      { message: 'No such complaint', path: ['complaint'], code: 'NOT_FOUND' },
    ]);
  });

  it("puts an entity fetch's errors on the path of the entity they concern", async () => {
    const { serviceMap } = fakeSubgraphs({
      intake: () => ({ data: { complaint: { number: 'Ж-1', handler: { __typename: 'Official', id: 'o1' } } } }),
      directory: () => ({ data: { _entities: [null] }, errors: [{ message: 'Hidden', path: ['_entities', 0, 'surname'], extensions: { code: 'FORBIDDEN' } }] }),
    });
    const result = await run(CABINET, serviceMap, { id: 'c1' });

    expect(result.data).toEqual({ complaint: null }); // handler is non-null: the null bubbles up
    expect(result.errors?.map((e) => ({ path: e.path, code: e.extensions?.code, serviceName: e.extensions?.serviceName }))).toEqual([
      { path: ['complaint', 'handler', 'surname'], code: 'FORBIDDEN', serviceName: 'directory' },
    ]);
    expect(plain(result)).toEqual(plain(await apolloRun(CABINET, serviceMap, { id: 'c1' })));
  });

  it('skips the fetches an @include leaves out and answers __typename without a subgraph', async () => {
    const { serviceMap, calls } = fakeSubgraphs({
      intake: () => ({ data: { complaint: { number: 'Ж-1', handler: { __typename: 'Official', id: 'o1' } } } }),
      directory: () => ({ data: { _entities: [{ surname: 'S' }] } }),
    });
    const query = 'query($id: ID!, $h: Boolean!) { __typename complaint(id: $id) { number handler @include(if: $h) { surname } } }';
    const result = await run(query, serviceMap, { id: 'c1', h: false });

    expect(result).toEqual({ data: { __typename: 'Query', complaint: { number: 'Ж-1' } } });
    expect(calls).toHaveLength(1);
    expect(plain(result)).toEqual(plain(await apolloRun(query, serviceMap, { id: 'c1', h: false })));
  });
});
