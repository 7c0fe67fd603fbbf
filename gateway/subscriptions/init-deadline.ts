import type { WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from 'graphql-ws';

/**
 * Closes (4408) a client socket that sent no `connection_init` within `timeoutMs`, from one timer for all sockets:
 * graphql-ws's own `connectionInitWaitTimeout` (given 0 there) keeps a timer per socket for the socket's life.
 * Every socket waits the same time, so the map's insertion order is the order of the deadlines.
 */
export function closeUninitialised(wss: WebSocketServer, timeoutMs: number): { initialised(socket: WebSocket): void; stop(): void } {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return { initialised: () => undefined, stop: () => undefined };
  const deadlines = new Map<WebSocket, number>();
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    const first = deadlines.values().next();
    if (first.done) return;
    timer = setTimeout(fire, Math.max(0, first.value - Date.now()));
    timer.unref();
  };
  const fire = () => {
    timer = undefined;
    const now = Date.now();
    for (const [socket, deadline] of deadlines) {
      if (deadline > now) break;
      deadlines.delete(socket);
      socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
    }
    schedule();
  };

  wss.on('connection', (socket) => {
    deadlines.set(socket, Date.now() + timeoutMs);
    if (!timer) schedule();
    // No close listener (it would live as long as the socket): a socket gone before its deadline is closed again, a no-op.
  });
  return {
    initialised: (socket) => void deadlines.delete(socket),
    stop: () => {
      clearTimeout(timer);
      deadlines.clear();
    },
  };
}
