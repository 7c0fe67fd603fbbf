import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import type { PubSub } from './pubsub';

/** How long a publish waits for an absent Redis before its caller moves on (the message stays queued). */
const PUBLISH_WAIT_MS = 2000;

/** Redis PUBLISH/SUBSCRIBE: a message published by one instance reaches subscribers on every instance. */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly channels = new Map<string, Promise<unknown>>();

  constructor(url: string) {
    // A publish waits for Redis to come back rather than giving up after a few retries (subscribers also poll their
    // source of truth, so a late or lost notice only delays, but a notice that is sent at all should arrive).
    this.publisher = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 100, 1000) });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 100, 1000) });
    this.subscriber.on('message', (channel: string, text: string) => {
      this.local.emit(channel, JSON.parse(text));
    });
    // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error' event.
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
  }

  connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  onReconnect(listener: () => void): void {
    // 'ready' follows every (re)connect, after ioredis has resubscribed our channels.
    this.subscriber.on('ready', listener);
  }

  /**
   * Resolves once Redis took the message or, while Redis is away, after PUBLISH_WAIT_MS with the message still
   * queued (ioredis sends it when Redis is back): a caller awaiting a publish (a calendar change) is not held for
   * the length of an outage, and the notice is not dropped.
   */
  async publish(channel: string, message: unknown): Promise<void> {
    const sent = this.publisher.publish(channel, JSON.stringify(message));
    if (this.publisher.status === 'ready') {
      await sent;
      return;
    }
    sent.catch(() => undefined); // closed while queued: subscribers' polls cover what a notice would have said
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, PUBLISH_WAIT_MS)))]).finally(() => clearTimeout(timer));
  }

  async subscribe(channel: string, onMessage: (message: unknown) => void): Promise<() => Promise<void>> {
    this.local.on(channel, onMessage);
    let ready = this.channels.get(channel);
    if (!ready) {
      ready = this.subscriber.subscribe(channel);
      this.channels.set(channel, ready);
    }
    try {
      await ready; // Redis acknowledged SUBSCRIBE: later publishes reach us
    } catch (err) {
      this.local.off(channel, onMessage);
      this.channels.delete(channel);
      throw err;
    }
    return async () => {
      this.local.off(channel, onMessage);
    };
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
