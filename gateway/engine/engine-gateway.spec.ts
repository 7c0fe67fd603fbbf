import fs from 'node:fs';
import path from 'node:path';
import type { ServiceMap } from '@apollo/gateway';
import { parse } from 'graphql';
import { EngineGateway } from './engine-gateway';
import { PlanExecutor } from './plan-executor';
import { SupergraphPlanner } from './supergraph-planner';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

describe('EngineGateway: the engine under Apollo Server', () => {
  const planner = new SupergraphPlanner(sdl);
  const fetches: unknown[] = [];
  const answer = { process: async () => (fetches.push(1), { data: { contactCenter: { phones: ['1414'] } } }) };
  const serviceMap: ServiceMap = Object.fromEntries(Object.keys(planner.subgraphUrls).map((name) => [name, answer]));
  const gateway = new EngineGateway(planner, new PlanExecutor(planner, serviceMap), () => sdl);
  const QUERY = '{ contactCenter { phones } }';
  const request = (query: string, variables?: Record<string, unknown>) =>
    ({ document: parse(query), source: query, request: { query, variables }, context: {} }) as never;

  it('hands Apollo Server the API schema on load and on every update', async () => {
    const schemas: unknown[] = [];
    gateway.onSchemaLoadOrUpdate(({ apiSchema }) => schemas.push(apiSchema));
    await gateway.load();
    gateway.schemaUpdated();
    expect(schemas).toEqual([planner.apiGraphQLSchema, planner.apiGraphQLSchema]);
  });

  it("plans Apollo's validated document through the planner's cache, shared with the WebSocket side", async () => {
    const { executor } = await gateway.load();
    expect(await executor(request(QUERY))).toEqual({ data: { contactCenter: { phones: ['1414'] } } });
    const viaWebSocket = planner.plan(QUERY);
    expect(planner.planValidated(parse(QUERY), QUERY)).toBe(viaWebSocket);
  });

  it('answers variables that do not coerce with BAD_USER_INPUT, as over WebSocket, before any fetch', async () => {
    const { executor } = await gateway.load();
    fetches.length = 0;
    const result = await executor(request('query($d: Date!) { isWorkingDay(date: $d) }', { d: 'yesterday' }));
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(fetches).toEqual([]);
  });
});
