import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

/** What a subscription hears from its subgraph. */
export interface UpstreamSink {
  next(result: ExecutionResult): void;
  /** The subgraph's errors for this operation, or the close (`{ code, reason }`) of the socket it ran on. */
  error(err: readonly GraphQLFormattedError[] | UpstreamClose): void;
  complete(): void;
}

export interface UpstreamClose {
  code: number;
  reason: string;
}

export interface UpstreamRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** The part of a shared socket a subscription uses. */
export interface UpstreamClient {
  /** Sends the subscription; the returned function completes it (no sink call follows). */
  subscribe(request: UpstreamRequest, sink: UpstreamSink): () => void;
}

interface SocketEvents {
  opened(): void;
  closed(wasOpen: boolean): void;
}

const PROTOCOL = 'graphql-transport-ws';
/** graphql-ws's codes for a client that cannot build its init payload / a server message it cannot read. */
const INTERNAL_CLIENT_ERROR = 4005;
const BAD_RESPONSE = 4004;

/**
 * One graphql-transport-ws connection to a subgraph carrying many subscriptions, each an entry in a map.
 * graphql-ws's own client runs an async loop with its promises and closures per subscription, which cost the
 * gateway about 2 KiB a cabinet at 10,000; the protocol needs none of that here (no reconnects: when the socket
 * closes every subscription hears it and UpstreamSubscription resumes it on a fresh socket, from its cursor).
 * Messages sent before the subgraph acknowledges the connection wait for the ack.
 */
export class MultiplexedSocket implements UpstreamClient {
  private readonly socket: WebSocket;
  private readonly sinks = new Map<string, UpstreamSink>();
  /** Messages waiting for `connection_ack`; null once acknowledged. */
  private unacknowledged: string[] | null = [];
  private lastId = 0;
  private ping?: NodeJS.Timeout;
  private open = false;
  closed = false;

  constructor(
    url: string,
    connectionParams: () => Promise<Record<string, unknown>>,
    keepAliveMs: number,
    private readonly events: SocketEvents,
  ) {
    this.socket = new WebSocket(url, PROTOCOL);
    this.socket.on('open', () => {
      this.open = true;
      events.opened();
      connectionParams().then(
        (payload) => this.sendNow(JSON.stringify({ type: 'connection_init', payload })),
        (err: Error) => this.socket.close(INTERNAL_CLIENT_ERROR, err.message.slice(0, 100)),
      );
      if (keepAliveMs > 0) {
        this.ping = setInterval(() => this.sendNow('{"type":"ping"}'), keepAliveMs);
        this.ping.unref();
      }
    });
    this.socket.on('message', (data) => this.receive(String(data)));
    this.socket.on('error', () => undefined); // 'close' follows and tells the subscriptions
    this.socket.on('close', (code, reason) => this.onClose(code, String(reason)));
  }

  subscribe(request: UpstreamRequest, sink: UpstreamSink): () => void {
    if (this.closed) {
      queueMicrotask(() => sink.error({ code: 1006, reason: 'The upstream socket is closed' }));
      return () => undefined;
    }
    const id = String(++this.lastId);
    this.sinks.set(id, sink);
    this.send(JSON.stringify({ id, type: 'subscribe', payload: request }));
    return () => {
      if (this.sinks.delete(id)) this.send(JSON.stringify({ id, type: 'complete' }));
    };
  }

  close(): void {
    if (this.socket.readyState === WebSocket.CLOSED || this.socket.readyState === WebSocket.CLOSING) return;
    if (this.socket.readyState === WebSocket.CONNECTING) this.socket.terminate();
    else this.socket.close(1000, 'Normal Closure');
  }

  private send(text: string): void {
    if (this.unacknowledged) this.unacknowledged.push(text);
    else this.sendNow(text);
  }

  private sendNow(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  private receive(text: string): void {
    let message: { type?: string; id?: string; payload?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      return this.socket.close(BAD_RESPONSE, 'Invalid message');
    }
    switch (message.type) {
      case 'connection_ack': {
        const waiting = this.unacknowledged ?? [];
        this.unacknowledged = null;
        for (const queued of waiting) this.sendNow(queued);
        return;
      }
      case 'ping':
        return this.sendNow('{"type":"pong"}');
      case 'next':
        this.sinks.get(message.id!)?.next(message.payload as ExecutionResult);
        return;
      case 'error': {
        const sink = this.sinks.get(message.id!);
        this.sinks.delete(message.id!);
        sink?.error(message.payload as GraphQLFormattedError[]);
        return;
      }
      case 'complete': {
        const sink = this.sinks.get(message.id!);
        this.sinks.delete(message.id!);
        sink?.complete();
        return;
      }
    }
  }

  private onClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ping);
    this.events.closed(this.open);
    const sinks = [...this.sinks.values()];
    this.sinks.clear();
    for (const sink of sinks) sink.error({ code, reason });
  }
}
