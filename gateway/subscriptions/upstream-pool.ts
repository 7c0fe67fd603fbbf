import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GatewayStats } from './gateway-stats';

/** `http://host:port/graphql` → `ws://host:port/graphql` */
export function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export interface UpstreamLease {
  client: Client;
  release(): void;
}

interface Pooled {
  client: Client;
  leases: number;
}

/**
 * Shared upstream graphql-ws sockets, authenticated as the gateway (`service` role); each subscription names its
 * user in `extensions.authorization`. Up to `perSocket` subscriptions share a socket, so N cabinets cost about
 * N / perSocket upstream sockets. A socket closes when its last subscription ends.
 */
export class UpstreamPool {
  private readonly pools = new Map<string, Pooled[]>();

  constructor(
    private readonly urls: Record<string, string>,
    private readonly serviceToken: () => Promise<string>,
    private readonly stats: GatewayStats,
    private readonly keepAliveMs: number,
    private readonly perSocket: number,
  ) {}

  acquire(subgraph: string): UpstreamLease {
    const url = this.urls[subgraph];
    if (!url) throw new Error(`No URL for subgraph ${subgraph}`);
    const pool = this.pools.get(subgraph) ?? [];
    this.pools.set(subgraph, pool);
    let pooled = pool.find((p) => p.leases < this.perSocket);
    if (!pooled) {
      pooled = { client: this.createClient(url), leases: 0 };
      pool.push(pooled);
    }
    const entry = pooled;
    entry.leases++;
    let released = false;
    return {
      client: entry.client,
      release: () => {
        if (released) return;
        released = true;
        entry.leases--;
        if (entry.leases === 0) {
          pool.splice(pool.indexOf(entry), 1);
          void entry.client.dispose();
        }
      },
    };
  }

  async dispose(): Promise<void> {
    const all = [...this.pools.values()].flat();
    this.pools.clear();
    await Promise.all(all.map((p) => p.client.dispose()));
  }

  private createClient(url: string): Client {
    let open = false;
    return createClient({
      url: toWebSocketUrl(url),
      webSocketImpl: WebSocket,
      connectionParams: async () => ({ authorization: `Bearer ${await this.serviceToken()}` }),
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
  }
}
