import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenService } from '../../platform/auth';
import { createStatusContext } from './status.context';
import type { StatusDeps } from './status.deps';

/**
 * graphql-ws (`graphql-transport-ws`) on `/graphql` of the status HTTP server. The token comes in the
 * `connection_init` payload as `{ authorization: "Bearer …" }`; an invalid one fails each operation that needs it.
 */
export function attachStatusWebSocket(schema: GraphQLSchema, tokens: TokenService, deps: () => StatusDeps) {
  return (server: http.Server) => {
    const wss = new WebSocketServer({ server, path: '/graphql' });
    const graphqlWs = useServer(
      {
        schema,
        context: async (ctx) => {
          const authorization = (ctx.connectionParams as { authorization?: unknown } | undefined)?.authorization;
          const auth = await tokens.authenticate(typeof authorization === 'string' ? authorization : undefined);
          return createStatusContext(deps(), auth);
        },
      },
      wss,
    );
    return {
      dispose: async () => {
        await graphqlWs.dispose();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    };
  };
}
