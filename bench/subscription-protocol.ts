/** Messages between bench:subscriptions and its client processes (bench/subscription-clients.ts). */
export interface ClientCabinet {
  token: string;
  complaintId: string;
  gatewayUrl: string;
  /** Marked before the measured ones, to warm the processes up: its latency is not counted. */
  warmup?: boolean;
}

export type ChildCommand =
  | { type: 'open'; cabinets: ClientCabinet[]; localAddress: string; batch: number }
  | { type: 'count' }
  | { type: 'report' }
  | { type: 'stop' };

export type ChildReport =
  | { type: 'live'; connectMs: number[]; liveMs: number[] }
  | { type: 'failed'; message: string }
  | { type: 'count'; received: number; warmupReceived: number }
  | { type: 'report'; latencies: number[]; committedAt: number[]; duplicates: number; received: number; warmupReceived: number };
