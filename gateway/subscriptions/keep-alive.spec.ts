import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { keepClientsAlive } from './keep-alive';

describe('keepClientsAlive', () => {
  it('pings every socket and terminates one that does not answer', async () => {
    const wss = new WebSocketServer({ port: 0 });
    const keepAlive = keepClientsAlive(wss, 200);
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    const silent = new WebSocket(url, { autoPong: false });
    const pinged = new Promise<void>((resolve) => silent.once('ping', () => resolve()));
    const closed = new Promise<number>((resolve) => silent.once('close', resolve));
    await pinged;
    expect(await closed).toBe(1006); // terminated: no close frame
    keepAlive.stop();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
});
