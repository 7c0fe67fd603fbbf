import { auditServer } from 'graphql-http';
import { startTestSystem, type TestSystem } from '../support/harness';

describe('GraphQL over HTTP at the gateway', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it("passes graphql-http's server audit with no warning and no error", async () => {
    const results = await auditServer({ url: t.url });
    expect(results.length).toBeGreaterThan(50);
    const problems = results.filter((r) => r.status === 'warn' || r.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(problems).toEqual([]);
  });

  const post = (accept: string, body: unknown) =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });

  it.each([
    ['a document that does not parse', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
    ['a document that does not validate', { query: '{ noSuchField }' }, 'GRAPHQL_VALIDATION_FAILED'],
    // Refused by the size precheck before Apollo Server sees it: the same rule.
    ['a document past the token limit', { query: `{ ${'__typename '.repeat(6000)}}` }, 'GRAPHQL_PARSE_FAILED'],
    ['variables that do not coerce', { query: 'query($id: ID!) { complaint(id: $id) { id } }', variables: { id: { not: 'an id' } } }, 'BAD_USER_INPUT'],
  ])('answers %s with 200 for application/json and 400 for application/graphql-response+json', async (_what, body, code) => {
    const json = await post('application/json', body);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(((await json.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
    const modern = await post('application/graphql-response+json', body);
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toContain('application/graphql-response+json');
  });
});
