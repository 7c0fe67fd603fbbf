import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { isMutation } from '../../platform/json-post';
import type { GatewayContext } from '../gateway.context';
import { SubgraphBatcher } from './subgraph-batcher';

/**
 * A subgraph fetch that got no answer. A refused connection never reached the subgraph: `outcome: NOT_APPLIED`.
 * Otherwise (timeout, reset, the subgraph died mid-request) a mutation may have committed before its answer was
 * lost: `outcome: UNKNOWN`, and the client must retry with the same `idempotencyKey` (or read before retrying)
 * instead of being told that nothing changed.
 */
export function unanswered(url: string, query: string, err: Error & { code?: string }): GraphQLError {
  const host = new URL(url).host;
  const unknown = isMutation(query) && err.code !== 'ECONNREFUSED';
  return new GraphQLError(
    unknown
      ? `The service at ${host} did not answer (${err.message}); the change may or may not have been applied: retry with the same idempotencyKey, or read before retrying`
      : `The service at ${host} did not answer (${err.message}); nothing was changed, try again`,
    { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, outcome: unknown ? 'UNKNOWN' : 'NOT_APPLIED' } },
  );
}

/** How long a subgraph may take to answer one fetch of a query plan. */
const SUBGRAPH_TIMEOUT_MS = 30_000;

/**
 * Sends a query plan's fetch to a subgraph with the caller's `Authorization` header, over keep-alive node:http
 * (postJson), fetches issued together batched into one request (SubgraphBatcher). Apollo's RemoteGraphQLDataSource builds node-fetch Headers, Request and body streams for every fetch;
 * under bench:query that was a visible share of the gateway's CPU, which is the whole of what the gateway adds to a
 * query. Automatic persisted queries and subgraph cache-control hints, which that class also handles, are not used.
 */
export class BatchingSubgraphClient implements GraphQLDataSource<GatewayContext> {
  private readonly batcher: SubgraphBatcher;

  constructor(
    readonly url: string,
    serviceToken: () => Promise<string>,
  ) {
    this.batcher = new SubgraphBatcher(url, SUBGRAPH_TIMEOUT_MS, serviceToken);
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error('Missing query');
    const { query, variables, operationName, extensions } = request;
    const authorization = (context as Partial<GatewayContext>).authorization;
    const res = await this.batcher.send({ query, variables, operationName, extensions }, authorization).catch((err: Error) => {
      throw unanswered(this.url, query, err);
    });
    // A subgraph refusing an operation with GraphQL errors (400: a variable or literal it would not take) is the
    // caller's mistake: its errors, with their codes, are the answer, not a "subgraph refused" at an internal URL.
    if (res.status === 400 && Array.isArray((res.body as { errors?: unknown } | null)?.errors)) {
      return res.body as GatewayGraphQLResponse;
    }
    if (res.status < 200 || res.status > 299) {
      const code = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : undefined;
      throw new GraphQLError(`${res.status}: the subgraph at ${this.url} refused the request`, {
        extensions: { ...(code ? { code } : {}), response: { url: this.url, status: res.status, body: res.body } },
      });
    }
    if (typeof res.body !== 'object' || res.body === null) throw new Error(`Expected a JSON object from ${this.url}`);
    return res.body as GatewayGraphQLResponse;
  }
}
