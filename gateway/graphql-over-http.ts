import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { JSON_TYPE, responseType } from '../platform/media-type';

export { responseType };
/** Request errors of a well-formed request: the document does not parse or validate, or the variables do not coerce. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP (graphql.github.io/graphql-over-http, "application/json" responses): a server SHOULD answer
 * every well-formed request with 200 when the response is `application/json`, request errors included, since legacy
 * clients and intermediaries read a 4xx as a transport failure. With `application/graphql-response+json` those
 * errors keep their 400. Apollo Server answers 400 in both cases; this plugin turns the `application/json` ones
 * back to 200 (graphql-http's audit: 572B, FDE2, 7B9B).
 */
export function graphqlOverHttpStatus<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          response.http.status = overHttpStatus(response.http.status, errors, request.http?.headers.get('accept'));
        },
      };
    },
  };
}

/** The status of an answer as this plugin leaves it (the gateway's fast lane answers through it too). */
export function overHttpStatus(
  status: number | undefined,
  errors: readonly { extensions?: { code?: unknown } }[] | undefined,
  accept: string | undefined,
): number | undefined {
  if (status !== 400 || !errors?.length) return status;
  if (!errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return status;
  return responseType(accept) === JSON_TYPE ? 200 : status;
}
