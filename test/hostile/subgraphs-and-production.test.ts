import { startTestSystem, type TestSystem } from '../support/harness';
import { healthStatus, postOperation, rawSocket } from './hostile-support';

/**
 * A production-mode system (issue 13, items 4 and 5): every subgraph enforces query limits of its own when called
 * directly (HTTP and the status subgraph's WebSocket), and the gateway's graphql-ws refuses introspection and schema
 * suggestions exactly as its HTTP side does.
 */
describe('hostile input in production mode', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'p'.repeat(40) });
  });
  afterAll(() => t?.stop());
  afterEach(async () => expect(await healthStatus(t)).toBe(200));

  describe('subgraphs called directly', () => {
    const nested = (levels: number) => `{ administrativeUnits { ${'parent { '.repeat(levels)}katoCode ${'} '.repeat(levels)}} }`;

    it.each([
      ['a query 30 levels deep', nested(28), 'GRAPHQL_VALIDATION_FAILED', { limit: 'depth' }],
      ['a query of 3,500 fields', `{ ${Array.from({ length: 1750 }, (_, i) => `a${i}: administrativeUnits { katoCode }`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', { limit: 'fields' }],
      ['one response name 1,000 times', `{ ${'a: administrativeUnits { katoCode } '.repeat(1000)}}`, 'GRAPHQL_VALIDATION_FAILED', { limit: 'repeats' }],
      ['a document of 40,000 tokens', `{ ${'__typename '.repeat(40_000)}}`, 'GRAPHQL_PARSE_FAILED', {}],
    ])('the directory refuses %s', async (_what, query, code, extensions) => {
      const answer = await postOperation(t.system.subgraphs.directory.url, query);
      expect({ status: answer.status, code: answer.code }).toEqual({ status: 400, code });
      expect(answer.extensions).toMatchObject(extensions);
    });

    it('intake refuses a document past its token limit', async () => {
      const answer = await postOperation(t.system.subgraphs.intake.url, `{ ${'__typename '.repeat(40_000)}}`);
      expect({ status: answer.status, code: answer.code }).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    });

    it('the status subgraph’s WebSocket refuses a document past its token limit', async () => {
      const ws = rawSocket(t.system.subgraphs.status.url, {});
      try {
        const answer = await ws.operation(`{ ${'__typename '.repeat(40_000)}}`);
        expect(answer.code).toBe('GRAPHQL_PARSE_FAILED');
      } finally {
        ws.close();
      }
    });

    it('a subgraph gives no schema suggestions in production', async () => {
      const answer = await postOperation(t.system.subgraphs.directory.url, '{ administrativeUnitz { katoCode } }');
      expect(answer.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.message).not.toMatch(/Did you mean/);
    });
  });

  describe('the gateway over graphql-ws, as over HTTP', () => {
    it.each([
      ['introspection', '{ __schema { types { name } } }', /introspection/i],
      ['a type lookup', '{ __type(name: "Complaint") { fields { name } } }', /introspection/i],
      ['a misspelt field (no "Did you mean")', '{ contactCenterr { phones } }', /^Cannot query field "contactCenterr" on type "Query"\.$/],
    ])('refuses %s', async (_what, query, message) => {
      const http = await postOperation(t.url, query);
      const ws = rawSocket(t.url, {});
      try {
        const overWs = await ws.operation(query);
        expect({ code: overWs.code, message: overWs.message }).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', message: expect.stringMatching(message) });
        expect({ code: http.code, message: http.message }).toEqual({ code: overWs.code, message: overWs.message });
      } finally {
        ws.close();
      }
    });
  });
});
