import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway.context';

/**
 * Forwards the caller's `Authorization` header to the subgraph. Requests go through Node's built-in fetch,
 * whose global dispatcher keeps connections to each subgraph alive and pooled.
 */
export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: fetch as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = (context as Partial<GatewayContext>).authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}
