import { ApolloServer } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import { apolloContentType, apolloInternals, ensureGraphQLError, isBadUserInputGraphQLError, normalizeAndFormatErrors, UserInputError } from './apollo-server-internals';

/** What the fast lane takes from Apollo Server's insides: an upgrade that moves or reshapes them fails here. */
describe('Apollo Server internals the fast lane relies on', () => {
  it('negotiates the content type as Apollo Server answers a single result', () => {
    expect(apolloContentType(undefined)).toBe('application/json; charset=utf-8');
    expect(apolloContentType('application/graphql-response+json')).toBe('application/graphql-response+json; charset=utf-8');
    expect(apolloContentType('text/html')).toBeNull();
  });

  it("reads a server's configured internals", async () => {
    const formatError = (f: { message: string }) => f;
    const server = new ApolloServer({ typeDefs: 'type Query { a: Int }', formatError });
    const internals = apolloInternals(server as never);
    expect(internals.formatError).toBe(formatError);
    expect(typeof internals.includeStacktraceInErrorResponses).toBe('boolean');
    expect(internals.status400ForVariableCoercionErrors).toBe(true);
    expect(await internals.stringifyResult({ data: { a: 1 } })).toBe('{"data":{"a":1}}\n');
    expect(internals.state.phase).toBe('initialized');
  });

  it('normalizes errors: a code, the http extension taken out into the head', () => {
    const error = new GraphQLError('nope', { extensions: { http: { status: 404, headers: new Map([['x-a', '1']]) } } });
    const { formattedErrors, httpFromErrors } = normalizeAndFormatErrors([error], {});
    expect(formattedErrors).toEqual([{ message: 'nope', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(httpFromErrors.status).toBe(404);
    expect([...httpFromErrors.headers]).toEqual([['x-a', '1']]);
    expect(ensureGraphQLError(new Error('plain')).message).toBe('plain');
  });

  it("codes graphql-js' uncoded variable errors BAD_USER_INPUT", () => {
    const node = { kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'id' } } };
    const error = new GraphQLError('Variable "$id" of required type "ID!" was not provided.', { nodes: [node as never] });
    expect(isBadUserInputGraphQLError(error)).toBe(true);
    expect(new UserInputError(error).extensions.code).toBe('BAD_USER_INPUT');
    expect(isBadUserInputGraphQLError(new GraphQLError('Variable "$id" of required type "ID!" was not provided.'))).toBe(false);
  });
});
