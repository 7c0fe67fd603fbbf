import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedMark {
  id: string;
  cursor: string;
  complaintId: string;
  receivedAt: number;
}

const STREAM = `subscription($after: String) { statusMarkAdded(after: $after) { id kind cursor complaint { id } } }`;

/**
 * A citizen's cabinet as README and `npm run cabinet` teach it: subscribes without `after`, asks for the pinned
 * start, keeps the last cursor, and whenever the stream is interrupted (socket lost, a retryable error) subscribes
 * again `after` it. It records every mark with the time it arrived.
 */
export class TestCabinet {
  readonly marks: ReceivedMark[] = [];
  last: string | null = null;
  reconnects = 0;
  refused?: unknown;
  private client: Client;
  private closed = false;
  private onStart?: () => void;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {
    this.client = this.connect();
  }

  private connect(): Client {
    return createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
      lazy: true,
      onNonLazyError: () => undefined,
    });
  }

  /** Resolves once the stream's start is pinned (the first message). */
  start(): Promise<void> {
    return new Promise((resolve) => {
      this.onStart = resolve;
      this.subscribe();
    });
  }

  private subscribe(): void {
    if (this.closed) return;
    let retry = false;
    this.client.subscribe<any>(
      { query: STREAM, variables: { after: this.last }, extensions: { pinStart: true } },
      {
        next: (r) => {
          const startCursor = (r.extensions as { startCursor?: string } | undefined)?.startCursor;
          if (!r.data && startCursor) {
            this.last ??= startCursor;
            this.onStart?.();
            this.onStart = undefined;
            return;
          }
          if (r.data) {
            const m = r.data.statusMarkAdded;
            this.marks.push({ id: m.id, cursor: m.cursor, complaintId: m.complaint.id, receivedAt: Date.now() });
            this.last = m.cursor;
          }
          if (r.errors) retry = r.errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' || e.extensions?.code === 'SUBSCRIPTION_OVERFLOW');
        },
        error: (e) => {
          if (Array.isArray(e) && !e.every((x: any) => x.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            this.refused = e;
            return;
          }
          this.again();
        },
        complete: () => {
          if (retry) this.again();
        },
      },
    );
  }

  private again(): void {
    if (this.closed) return;
    this.reconnects++;
    void this.client.dispose();
    this.client = this.connect();
    setTimeout(() => this.subscribe(), 300);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.dispose();
  }
}
