import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { closeUninitialised } from './init-deadline';

describe('closeUninitialised', () => {
  let wss: WebSocketServer;
  afterEach(() => new Promise<void>((resolve) => wss.close(() => resolve())));

  const open = (url: string) =>
    new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(ws));
    });

  it('closes with 4408 a socket that sent no connection_init, and leaves an initialised one open', async () => {
    wss = new WebSocketServer({ port: 0 });
    const deadline = closeUninitialised(wss, 100);
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    const served = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const initialised = await open(url);
    deadline.initialised(await served);
    // Connected later, so its deadline is after the initialised socket's would have been.
    const silent = await open(url);
    const code = await new Promise<number>((resolve) => silent.once('close', resolve));
    expect(code).toBe(4408);
    expect(initialised.readyState).toBe(WebSocket.OPEN);
    initialised.close();
    deadline.stop();
  });
});
