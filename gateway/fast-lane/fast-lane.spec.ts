import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { PlanExecutor, SupergraphPlanner } from '../engine';
import { TrustedDocuments } from '../trusted-documents';
import { fastLane, type FastLaneStats } from './fast-lane';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const QUERY = '{ contactCenter { phones } }';
/** A rate limit already spent: every mutation is refused as the request policy refuses it. */
const refuseEveryMutation = async () => {
  throw new GraphQLError('Too many', { extensions: { code: 'RATE_LIMITED', retryAfter: 7, http: { status: 429, headers: new Map([['retry-after', '7']]) } } });
};
const SUBSCRIPTION = 'subscription { statusMarkAdded { cursor } }';

/**
 * Each check of the lane on its own: a request it must leave to Apollo Server although its plan is cached
 * (test/gateway/fast-lane.test.ts compares whole answers over HTTP).
 */
describe('fast lane: what it leaves to Apollo Server', () => {
  const planner = new SupergraphPlanner(sdl);
  const apollo = new ApolloServer({ typeDefs: 'type Query { a: Int }' });
  const stats: FastLaneStats = { served: 0, declined: 0 };
  const lane = (trusted?: TrustedDocuments) =>
    fastLane({ planner, executor: new PlanExecutor(planner, {}), trusted, record: () => {}, limitMutation: refuseEveryMutation }, stats)(apollo as never);
  const req = (headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;

  beforeAll(async () => {
    await apollo.start();
    for (const text of [QUERY, 'query Named { contactCenter { phones } }']) planner.plan(text);
  });
  afterAll(() => apollo.stop());

  it('takes a cached query with a plain body', async () => {
    const answer = lane()(req(), { query: QUERY, variables: {}, operationName: null });
    expect(answer).not.toBeNull();
    expect((await answer)?.headers).toEqual([['content-type', 'application/json; charset=utf-8']]);
  });

  it('leaves a text it has no plan for', () => {
    expect(lane()(req(), { query: `${QUERY} ` })).toBeNull();
    expect(lane()(req(), { query: 'query Named { contactCenter { phones } }', operationName: 'Other' })).toBeNull();
  });

  it('leaves subscriptions (refused over HTTP), planned or not', () => {
    planner.plan(SUBSCRIPTION);
    expect(lane()(req(), { query: SUBSCRIPTION })).toBeNull();
  });

  it("counts a mutation against its caller's rate limit before running it", async () => {
    const mutation = 'mutation M($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }';
    planner.plan(mutation);
    const answer = await lane()(req(), { query: mutation, variables: { i: {} } });
    expect(answer?.status).toBe(429);
    expect(answer?.headers).toEqual([
      ['retry-after', '7'],
      ['content-type', 'application/json; charset=utf-8'],
    ]);
    expect(JSON.parse(answer!.body).errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 7 });
  });

  it('leaves a document the trusted documents do not hold, even with a cached plan', () => {
    const other = TrustedDocuments.fromManifest({ operations: [] });
    expect(lane(other)(req(), { query: QUERY })).toBeNull();
  });

  it('leaves persisted-query extensions, unknown keys and malformed fields', () => {
    for (const body of [
      { query: QUERY, extensions: {} },
      { query: QUERY, id: 'x' },
      { query: QUERY, variables: [] },
      { query: QUERY, variables: 'x' },
      { query: QUERY, operationName: 1 },
      { query: '' },
      [{ query: QUERY }],
      null,
    ]) {
      expect(lane()(req(), body)).toBeNull();
    }
  });

  it('leaves an Accept header Apollo Server answers with 406', () => {
    expect(lane()(req({ accept: 'text/html' }), { query: QUERY })).toBeNull();
    expect(lane()(req({ accept: 'application/graphql-response+json' }), { query: QUERY })).not.toBeNull();
  });

  it('leaves everything once Apollo Server is stopping', async () => {
    const stopped = new ApolloServer({ typeDefs: 'type Query { a: Int }' });
    await stopped.start();
    await stopped.stop();
    const onStopped = fastLane({ planner, executor: new PlanExecutor(planner, {}), record: () => {}, limitMutation: refuseEveryMutation }, stats)(stopped as never);
    expect(onStopped(req(), { query: QUERY })).toBeNull();
  });
});
