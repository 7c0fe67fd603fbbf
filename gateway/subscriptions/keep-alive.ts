import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every client socket each `intervalMs` from one timer and terminates a socket that did not answer the
 * previous ping: what graphql-ws's `useServer` keep-alive does with an interval, a closure and a timeout per socket
 * (given 0 there, so only this one runs).
 */
export function keepClientsAlive(wss: WebSocketServer, intervalMs: number): { stop(): void } {
  if (!(intervalMs > 0 && Number.isFinite(intervalMs))) return { stop: () => undefined };
  const awaitingPong = new WeakSet<WebSocket>();
  function answered(this: WebSocket): void {
    awaitingPong.delete(this);
  }
  wss.on('connection', (socket) => socket.on('pong', answered));
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
