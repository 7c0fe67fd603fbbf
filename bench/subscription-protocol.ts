/** Messages between bench:subscriptions and its client processes (bench/subscription-clients.ts). */
export interface ClientCabinet {
  token: string;
  complaintId: string;
  gatewayUrl: string;
}

export type ChildCommand =
  | { type: 'open'; cabinets: ClientCabinet[]; localAddress: string; batch: number }
  | { type: 'count' }
  | { type: 'report' }
  | { type: 'stop' };

export type ChildReport =
  | { type: 'live'; connectMs: number[]; liveMs: number[] }
  | { type: 'failed'; message: string }
  | { type: 'count'; received: number }
  | { type: 'report'; latencies: number[]; committedAt: number[]; duplicates: number; received: number };
