import { responseType } from './graphql-over-http';

describe('responseType (the media type Apollo Server negotiates)', () => {
  it.each([
    [undefined, 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['*/*', 'application/json'],
    ['application/*;q=0.5, application/graphql-response+json', 'application/graphql-response+json'],
    ['text/html', null],
    ['application/json;q=0', null],
  ])('%s → %s', (accept, expected) => {
    expect(responseType(accept)).toBe(expected);
  });
});
