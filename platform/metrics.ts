import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import client from 'prom-client';

/**
 * Prometheus metrics of the process, served as `GET /metrics` by every service (platform/http-server.ts).
 * One registry per process: in docker-compose each service is a process of its own; under `npm start` every
 * service's `/metrics` shows the whole process, each series labelled with its `service`.
 *
 * Per-request cost is a counter increment and a histogram observation; label values are bounded (operation names
 * past `MAX_NAMES` per service are counted as `other`).
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const MAX_NAMES = 100;
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SIZES = [1, 2, 5, 10, 20, 50, 100, 200];

/** Keeps a label's values few: the first `max` distinct values are kept, later ones become `other`. */
export function boundedLabel(max = MAX_NAMES): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max || value.length > 100) return 'other';
    seen.add(value);
    return value;
  };
}

export const graphqlRequests = new client.Counter({
  name: 'shagym_graphql_requests_total',
  help: 'GraphQL operations served, by service, operation name and outcome (ok, or the first error code)',
  labelNames: ['service', 'operation', 'outcome'],
  registers: [registry],
});
export const graphqlDuration = new client.Histogram({
  name: 'shagym_graphql_request_duration_seconds',
  help: 'Time to serve a GraphQL operation, by service, operation name and outcome',
  labelNames: ['service', 'operation', 'outcome'],
  buckets: SECONDS,
  registers: [registry],
});
export const subgraphFetchDuration = new client.Histogram({
  name: 'shagym_gateway_subgraph_fetch_duration_seconds',
  help: 'Gateway → subgraph HTTP exchanges (one operation or a batch), by subgraph host',
  labelNames: ['subgraph'],
  buckets: SECONDS,
  registers: [registry],
});
export const subgraphBatchSize = new client.Histogram({
  name: 'shagym_gateway_subgraph_batch_size',
  help: 'Operations carried by one gateway → subgraph HTTP request',
  labelNames: ['subgraph'],
  buckets: SIZES,
  registers: [registry],
});
export const subscriptionEvents = new client.Counter({
  name: 'shagym_gateway_subscription_events_total',
  help: 'Subscription events at the gateway: delivered to a client queue, or dropped (a client that did not keep up)',
  labelNames: ['result'],
  registers: [registry],
});
export const relayRetries = new client.Counter({
  name: 'shagym_outbox_relay_retries_total',
  help: 'Outbox messages whose delivery failed and was postponed for a retry',
  labelNames: ['service'],
  registers: [registry],
});
export const relayDelivered = new client.Counter({
  name: 'shagym_outbox_relay_delivered_total',
  help: 'Outbox messages delivered and accepted by their receiver',
  labelNames: ['service'],
  registers: [registry],
});
export const readCacheLookups = new client.Counter({
  name: 'shagym_read_cache_lookups_total',
  help: 'Read-cache lookups by result (hit or miss); hit ratio = hit / (hit + miss)',
  labelNames: ['result'],
  registers: [registry],
});
export const groupCommitBatchSize = new client.Histogram({
  name: 'shagym_group_commit_batch_size',
  help: 'Writes committed together in one transaction by a group commit',
  buckets: SIZES,
  registers: [registry],
});

/** Live gauges read at scrape time from whoever registered a source (a gateway's WebSocket stats, a relay's outbox). */
type GaugeSource = () => Promise<{ labels: Record<string, string>; value: number }[]> | { labels: Record<string, string>; value: number }[];

function sourcedGauge(name: string, help: string, labelNames: string[]): Set<GaugeSource> {
  const sources = new Set<GaugeSource>();
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const source of sources) {
        for (const { labels, value } of await source()) this.inc(labels, value);
      }
    },
  });
  return sources;
}

export const websocketGauges = sourcedGauge(
  'shagym_gateway_websocket',
  'Gateway WebSocket side now: downstream connections, active subscriptions, upstream sockets and subscriptions',
  ['kind'],
);
export const outboxBacklogGauges = sourcedGauge(
  'shagym_outbox_backlog',
  'Outbox messages not delivered yet',
  ['service'],
);
export const outboxAgeGauges = sourcedGauge(
  'shagym_outbox_oldest_event_age_seconds',
  'Age of the oldest outbox message not delivered yet (0 when none)',
  ['service'],
);
export const dbPoolGauges = sourcedGauge(
  'shagym_db_pool_connections',
  'Database pool connections by state (used, free, queued requests); MySQL/MariaDB only',
  ['service', 'state'],
);

/** Adds a source to a sourced gauge; returns its removal (call it when the owner stops). */
export function addSource(gauges: Set<GaugeSource>, source: GaugeSource): () => void {
  gauges.add(source);
  return () => gauges.delete(source);
}

/** Records one served operation: its name (null: none; undefined: never parsed), errors and start (hrtime). */
export type OperationRecorder = (
  operationName: string | null | undefined,
  errors: readonly { extensions?: { code?: unknown } }[] | undefined,
  startedNs: bigint,
) => void;

/**
 * Counts and times the operations of `service`, with labels bounded per recorder: the Apollo plugin below, and the
 * gateway's fast lane (which passes the plugin the same recorder, so both paths count alike).
 */
export function operationRecorder(service: string): OperationRecorder {
  const operationName = boundedLabel();
  const outcomeName = boundedLabel(50);
  return (name, errors, startedNs) => {
    const code = errors?.[0]?.extensions?.code;
    const outcome = !errors?.length ? 'ok' : typeof code === 'string' ? outcomeName(code) : 'error';
    const operation = operationName(name === undefined ? 'unparsed' : (name ?? 'anonymous'));
    const labels = { service, operation, outcome };
    graphqlRequests.inc(labels);
    graphqlDuration.observe(labels, Number(process.hrtime.bigint() - startedNs) / 1e9);
  };
}

/** Apollo Server plugin counting and timing every operation of `service`. */
export function metricsPlugin<C extends BaseContext>(service: string, record = operationRecorder(service)): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const errors = ctx.errors ?? (body.kind === 'single' ? body.singleResult.errors : undefined);
          record(ctx.operationName ?? (ctx.operation ? null : undefined), errors, started);
        },
      };
    },
  };
}

export async function sendMetrics(res: ServerResponse): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
