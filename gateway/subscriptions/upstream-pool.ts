import type { GatewayStats } from './gateway-stats';
import { MultiplexedSocket, type UpstreamClient } from './upstream-pool-socket';

/** `http://host:port/graphql` → `ws://host:port/graphql` */
export function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export interface UpstreamLease {
  client: UpstreamClient;
  release(): void;
}

interface Pooled {
  subgraph: string;
  socket: MultiplexedSocket;
  leases: number;
}

/** A lease's release, once. */
class Lease implements UpstreamLease {
  private released = false;

  constructor(
    private readonly pool: UpstreamPool,
    private readonly entry: Pooled,
  ) {}

  get client(): UpstreamClient {
    return this.entry.socket;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.pool.release(this.entry);
  }
}

/**
 * Shared upstream graphql-ws sockets, authenticated as the gateway (`service` role); each subscription names its
 * user in `extensions.authorization`. Up to `perSocket` subscriptions share a socket, so N cabinets cost about
 * N / perSocket upstream sockets. A socket closes when its last subscription ends; a socket that closed is not
 * handed out again (its subscriptions resume on a fresh one).
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
    let pool = this.pools.get(subgraph);
    if (!pool) this.pools.set(subgraph, (pool = []));
    let entry = pool.find((p) => p.leases < this.perSocket && !p.socket.closed);
    if (!entry) {
      const created: Pooled = { subgraph, socket: this.connect(url, () => this.drop(created)), leases: 0 };
      pool.push(created);
      entry = created;
    }
    entry.leases++;
    return new Lease(this, entry);
  }

  /** @internal A lease ended. */
  release(entry: Pooled): void {
    entry.leases--;
    if (entry.leases === 0) {
      this.drop(entry);
      entry.socket.close();
    }
  }

  async dispose(): Promise<void> {
    const all = [...this.pools.values()].flat();
    this.pools.clear();
    for (const p of all) p.socket.close();
  }

  private drop(entry: Pooled): void {
    const pool = this.pools.get(entry.subgraph);
    const at = pool?.indexOf(entry) ?? -1;
    if (at >= 0) pool!.splice(at, 1);
  }

  private connect(url: string, onClosed: () => void): MultiplexedSocket {
    return new MultiplexedSocket(
      toWebSocketUrl(url),
      async () => ({ authorization: `Bearer ${await this.serviceToken()}` }),
      this.keepAliveMs,
      {
        opened: () => this.stats.upstreamSockets++,
        closed: (wasOpen) => {
          if (wasOpen) this.stats.upstreamSockets--;
          onClosed();
        },
      },
    );
  }
}
