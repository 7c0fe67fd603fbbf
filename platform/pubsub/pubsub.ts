/** Fan-out of messages between the instances of a service. Messages are JSON values. */
export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is live: a message published after that reaches `onMessage`. */
  subscribe(channel: string, onMessage: (message: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Runs `listener` each time the channel (re)connects: messages published while it was down were lost. */
  onReconnect?(listener: () => void): void;
  /** Whether messages flow now (false while Redis is unreachable). */
  connected?(): boolean;
}
