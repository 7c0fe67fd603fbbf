import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GatewayStats } from './gateway-stats';

/** `http://host:port/graphql` → `ws://host:port/graphql` */
export function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/**
 * The upstream graphql-ws clients of one downstream connection, one per subgraph, carrying that connection's
 * authorization. Lazy: a socket opens with the first subscription and closes with the last one.
 */
export class UpstreamClients {
  private readonly clients = new Map<string, Client>();
  private disposed = false;

  constructor(
    private readonly urls: Record<string, string>,
    private readonly authorization: string | undefined,
    private readonly stats: GatewayStats,
    private readonly keepAliveMs: number,
  ) {}

  client(subgraph: string): Client {
    if (this.disposed) throw new Error('The connection is closed');
    let client = this.clients.get(subgraph);
    if (!client) {
      const url = this.urls[subgraph];
      if (!url) throw new Error(`No URL for subgraph ${subgraph}`);
      let open = false;
      client = createClient({
        url: toWebSocketUrl(url),
        webSocketImpl: WebSocket,
        connectionParams: this.authorization ? { authorization: this.authorization } : {},
        lazy: true,
        lazyCloseTimeout: 0,
        retryAttempts: 0,
        keepAlive: this.keepAliveMs,
        on: {
          opened: () => {
            open = true;
            this.stats.upstreamSockets++;
          },
          closed: () => {
            if (open) this.stats.upstreamSockets--;
            open = false;
          },
        },
      });
      this.clients.set(subgraph, client);
    }
    return client;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((c) => c.dispose()));
  }
}
