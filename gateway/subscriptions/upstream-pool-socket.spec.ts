import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MultiplexedSocket, type UpstreamSink } from './upstream-pool-socket';

/** A graphql-transport-ws server by hand: records what the gateway sends and answers as the test says. */
async function fakeSubgraph() {
  const wss = new WebSocketServer({ port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const received: any[] = [];
  let peer: WebSocket | undefined;
  const messageArrived: (() => void)[] = [];
  wss.on('connection', (socket) => {
    peer = socket;
    socket.on('message', (data) => {
      received.push(JSON.parse(String(data)));
      messageArrived.splice(0).forEach((f) => f());
    });
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    received,
    send: (message: object) => peer!.send(JSON.stringify(message)),
    close: (code: number) => peer!.close(code, 'bye'),
    until: async (check: () => boolean) => {
      while (!check()) await new Promise<void>((r) => messageArrived.push(r));
    },
    stop: () => new Promise((r) => wss.close(r)),
  };
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

function recordingSink() {
  const heard: unknown[] = [];
  const sink: UpstreamSink = {
    next: (r) => heard.push(['next', r]),
    error: (e) => heard.push(['error', e]),
    complete: () => heard.push(['complete']),
  };
  return { heard, sink };
}

describe('MultiplexedSocket', () => {
  it('holds subscriptions until the ack, routes each message to its subscription, and tells all of them when the socket closes', async () => {
    const subgraph = await fakeSubgraph();
    const events: string[] = [];
    const socket = new MultiplexedSocket(subgraph.url, async () => ({ authorization: 'Bearer s' }), 0, {
      opened: () => events.push('opened'),
      closed: (wasOpen) => events.push(`closed ${wasOpen}`),
    });
    const a = recordingSink();
    const b = recordingSink();
    const c = recordingSink();
    socket.subscribe({ query: 'subscription { a }' }, a.sink);
    socket.subscribe({ query: 'subscription { b }' }, b.sink);
    const stopC = socket.subscribe({ query: 'subscription { c }' }, c.sink);

    await subgraph.until(() => subgraph.received.length >= 1);
    expect(subgraph.received).toEqual([{ type: 'connection_init', payload: { authorization: 'Bearer s' } }]);
    subgraph.send({ type: 'connection_ack' });
    await subgraph.until(() => subgraph.received.length >= 4);
    const [, subA, subB] = subgraph.received;
    expect(subA).toEqual({ id: expect.any(String), type: 'subscribe', payload: { query: 'subscription { a }' } });

    stopC();
    await subgraph.until(() => subgraph.received.length >= 5);
    expect(subgraph.received[4]).toEqual({ id: subgraph.received[3].id, type: 'complete' });

    subgraph.send({ id: subA.id, type: 'next', payload: { data: { a: 1 } } });
    subgraph.send({ id: subA.id, type: 'complete' });
    subgraph.send({ id: subB.id, type: 'error', payload: [{ message: 'no' }] });
    await waitFor(() => b.heard.length > 0);
    subgraph.close(4500);
    await waitFor(() => socket.closed);

    expect(a.heard).toEqual([['next', { data: { a: 1 } }], ['complete']]);
    expect(b.heard).toEqual([['error', [{ message: 'no' }]]]);
    expect(c.heard).toEqual([]); // completed by the gateway: nothing more
    expect(events).toEqual(['opened', 'closed true']);
    expect(socket.closed).toBe(true);
    await subgraph.stop();
  });

  it('ends open subscriptions with the close code when the subgraph closes the socket', async () => {
    const subgraph = await fakeSubgraph();
    const socket = new MultiplexedSocket(subgraph.url, async () => ({}), 0, { opened: () => undefined, closed: () => undefined });
    const a = recordingSink();
    socket.subscribe({ query: 'subscription { a }' }, a.sink);
    await subgraph.until(() => subgraph.received.length >= 1);
    subgraph.send({ type: 'connection_ack' });
    await subgraph.until(() => subgraph.received.length >= 2);
    subgraph.close(4403);
    await waitFor(() => a.heard.length > 0);
    expect(a.heard).toEqual([['error', { code: 4403, reason: 'bye' }]]);
    await subgraph.stop();
  });
});
