import net, { type AddressInfo } from 'node:net';

/**
 * A TCP relay on a loopback port to a real server (MariaDB, Redis), which a test can cut and restore: the
 * service behind it sees exactly what a dead or unreachable dependency looks like (connections reset, new ones
 * refused), without disturbing the shared server or anyone else using it.
 */
export interface TcpProxy {
  port: number;
  /** Drops every relayed connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  let open = true;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!open) return resolve();
      open = false;
      server.close(() => resolve());
    });
  return {
    port,
    cut: stop,
    restore: async () => {
      if (open) return;
      await listen(port);
      open = true;
    },
    close: stop,
  };
}
