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

/**
 * `targets`: one port, or several (a load balancer): each new connection goes to the first target that accepts it,
 * starting from the next one in turn, so a dead instance's share moves to the live ones.
 */
export async function startTcpProxy(targetPort: number | number[], targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const targets = Array.isArray(targetPort) ? targetPort : [targetPort];
  let turn = 0;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer((client) => {
        track(client);
        client.pause();
        client.on('error', () => undefined);
        const first = turn++ % targets.length;
        const attempt = (i: number) => {
          if (i >= targets.length) return client.destroy();
          const upstream = net.connect(targets[(first + i) % targets.length], targetHost);
          upstream.once('error', () => {
            if (!upstream.readyState || upstream.connecting) attempt(i + 1);
            else client.destroy();
          });
          upstream.once('connect', () => {
            track(upstream);
            upstream.on('error', () => client.destroy());
            client.on('error', () => upstream.destroy());
            client.on('close', () => upstream.destroy());
            upstream.on('close', () => client.destroy());
            client.pipe(upstream).pipe(client);
            client.resume();
          });
        };
        attempt(0);
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
