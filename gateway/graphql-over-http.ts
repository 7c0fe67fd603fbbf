import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';
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
          if (response.http.status !== 400 || !errors?.length) return;
          if (!errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
          if (responseType(request.http?.headers.get('accept')) === JSON_TYPE) response.http.status = 200;
        },
      };
    },
  };
}

/**
 * The media type Apollo Server answers with for this Accept header (it negotiates as the `negotiator` package does:
 * higher q, then the more specific range, then the earlier range; `application/json` wins a full tie).
 */
export function responseType(accept: string | undefined | null): string | null {
  if (!accept) return JSON_TYPE;
  const ranges = accept.split(',').map((part, order) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, order };
  });
  const rank = (candidate: string, index: number) => {
    let best = { q: 0, s: -1, o: Infinity, i: index };
    for (const r of ranges) {
      const s = r.type === candidate ? 2 : r.type === 'application/*' ? 1 : r.type === '*/*' ? 0 : -1;
      if (s < 0 || Number.isNaN(r.q)) continue;
      if (s > best.s || (s === best.s && r.order < best.o)) best = { q: r.q, s, o: r.order, i: index };
    }
    return best;
  };
  const [first] = [rank(JSON_TYPE, 0), rank(GRAPHQL_RESPONSE_TYPE, 1)].sort(
    (a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.i - b.i,
  );
  if (first.q <= 0) return null;
  return first.i === 0 ? JSON_TYPE : GRAPHQL_RESPONSE_TYPE;
}
