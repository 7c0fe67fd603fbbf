/**
 * A child process of bench:subscriptions: opens its share of the cabinets (graphql-ws connections from one loopback
 * source address, so each child has a port range of its own), subscribes each to its complaint and reports, over
 * IPC, when they are live and what they received.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ChildCommand, ChildReport, ClientCabinet } from './subscription-protocol';

const QUERY = `subscription($id: ID!, $after: String) { statusMarkAdded(complaintId: $id, after: $after) {
  id kind at complaint { number } } }`;

const send = (report: ChildReport) => process.send!(report);
const sockets: Client[] = [];
const latencies: number[] = [];
/** Each latency's commit time (ms since the epoch), for the bench's per-second view of the tail. */
const committedAt: number[] = [];
const received = new Set<string>();
let warmupReceived = 0;
let duplicates = 0;

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function open(cabinets: ClientCabinet[], localAddress: string, batch: number) {
  // graphql-ws builds the socket itself: a subclass binds it to this child's source address.
  class BoundWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
    }
  }
  const connectMs: number[] = [];
  const liveMs: number[] = [];
  await inBatches(cabinets, batch, async (cabinet) => {
    const t0 = performance.now();
    const client = createClient({
      url: cabinet.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: BoundWebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${cabinet.token}` },
      onNonLazyError: () => undefined,
    });
    sockets.push(client);
    await new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('closed', (e) => reject(new Error(`connection closed: ${(e as { code?: number }).code}`)));
    });
    connectMs.push(performance.now() - t0);
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ statusMarkAdded: { id: string; kind: string; at: string } }>(
        { query: QUERY, variables: { id: cabinet.complaintId, after: '0'.repeat(16) } },
        {
          next: (r) => {
            const mark = r.data?.statusMarkAdded;
            if (!mark) return reject(new Error(JSON.stringify(r.errors)));
            if (mark.kind === 'DELIVERED') {
              // The replay of the complaint's first mark: the stream is live.
              liveMs.push(performance.now() - t0);
              return resolve();
            }
            if (cabinet.warmup) return void warmupReceived++;
            if (received.has(mark.id)) duplicates++;
            received.add(mark.id);
            const at = Date.parse(mark.at);
            latencies.push(Date.now() - at);
            committedAt.push(at);
          },
          error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
          complete: () => undefined,
        },
      );
    });
  });
  return { connectMs, liveMs };
}

process.on('message', (command: ChildCommand) => {
  if (command.type === 'open') {
    open(command.cabinets, command.localAddress, command.batch).then(
      (opened) => send({ type: 'live', ...opened }),
      (err: Error) => send({ type: 'failed', message: err.message }),
    );
  } else if (command.type === 'count') {
    send({ type: 'count', received: received.size, warmupReceived });
  } else if (command.type === 'report') {
    send({ type: 'report', latencies, committedAt, duplicates, received: received.size, warmupReceived });
  } else if (command.type === 'stop') {
    Promise.all(sockets.map((s) => s.dispose())).finally(() => process.exit(0));
  }
});
