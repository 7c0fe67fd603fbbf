import { EventEmitter } from 'node:events';
import type { PubSub } from './pubsub';

/** One process only: the default without Redis. Messages are copied through JSON, as over Redis. */
export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: unknown): Promise<void> {
    this.emitter.emit(channel, JSON.parse(JSON.stringify(message)));
  }

  async subscribe(channel: string, onMessage: (message: unknown) => void): Promise<() => Promise<void>> {
    this.emitter.on(channel, onMessage);
    return async () => {
      this.emitter.off(channel, onMessage);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
