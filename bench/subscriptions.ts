/**
 * npm run bench:subscriptions -- --clients 1000 [--rate 200]
 * N cabinets (graphql-ws connections to the gateway), each subscribed to its own complaint with a field from
 * intake in the payload; then one REGISTERED mark per complaint written at a fixed rate. Prints delivered/expected,
 * commit→client latency, gateway memory per connection and connect time. Services run in processes of their own.
 */
import 'reflect-metadata';
import os from 'node:os';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TokenService } from '../platform/auth';
import { DEV_JWT_SECRET } from '../platform/config';
import { complaintInput, validBin, validIin } from './fixtures';
import { postGraphQL } from './graphql';
import { percentile } from './load';
import { rssMiB, startServiceProcesses } from './services';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const started = performance.now();
const progress = (what: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${what}`);

async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
  }
}

async function main() {
  const clients = arg('clients', 1000);
  const rate = arg('rate', 200);
  const tokens = new TokenService(DEV_JWT_SECRET);
  const services = await startServiceProcesses();
  progress('services up');
  const sockets: Client[] = [];
  try {
    const admin = await tokens.mint({ sub: 'bench', role: 'admin' });
    const unit = await postGraphQL(services.gatewayUrl, `mutation { createAdministrativeUnit(input: { katoCode: "710000000", nameKk: "Астана", nameRu: "Астана" }) { katoCode } }`, {}, admin);
    if (unit.errors) throw new Error(JSON.stringify(unit.errors));
    const created = await postGraphQL(
      services.gatewayUrl,
      `mutation($i: CreateServiceProviderInput!) { createServiceProvider(input: $i) { id head { id } } }`,
      { i: { bin: validBin(), nameKk: 'ЦОН', nameRu: 'ЦОН', katoCode: '710000000', head: { surname: 'Басшы', name: 'Ерлан', position: 'директор' } } },
      admin,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const provider = created.data.createServiceProvider;
    const official = await tokens.mint({ sub: 'head', role: 'official', officialId: provider.head.id });

    // Set-up (not measured): one citizen and one complaint per cabinet, filed at intake.
    const cabinets: { token: string; complaintId: string }[] = [];
    const input = complaintInput(provider.id);
    await inBatches(Array.from({ length: clients }), 64, async () => {
      const iin = validIin();
      const token = await tokens.mint({ sub: iin, role: 'citizen', iin }, '2h');
      const r = await postGraphQL(services.urls.intake, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: input }, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      cabinets.push({ token, complaintId: r.data.fileComplaint.id });
    });

    progress(`${cabinets.length} complaints filed`);
    const rssBefore = rssMiB(services.pids.gateway);
    const connectMs: number[] = [];
    const liveMs: number[] = [];
    const latencies: number[] = [];
    const received = new Map<string, number>();
    let duplicates = 0;
    const query = `subscription($id: ID!, $after: String) { statusMarkAdded(complaintId: $id, after: $after) {
      id kind at complaint { number } } }`;
    await inBatches(cabinets, 200, async (cabinet) => {
      const t0 = performance.now();
      const client = createClient({
        url: services.gatewayUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${cabinet.token}` },
        onNonLazyError: () => undefined,
      });
      sockets.push(client);
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('closed', (e) => reject(new Error(`connection closed: ${(e as { code?: number }).code}`)));
      });
      connectMs.push(performance.now() - t0);
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ statusMarkAdded: { id: string; kind: string; at: string } }>(
          { query, variables: { id: cabinet.complaintId, after: '0'.repeat(16) } },
          {
            next: (r) => {
              const mark = r.data?.statusMarkAdded;
              if (!mark) return reject(new Error(JSON.stringify(r.errors)));
              if (mark.kind === 'DELIVERED') {
                liveMs.push(performance.now() - t0);
                return resolve();
              }
              if (received.has(mark.id)) duplicates++;
              received.set(mark.id, 1);
              latencies.push(Date.now() - Date.parse(mark.at));
            },
            error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
            complete: () => undefined,
          },
        );
      });
    });
    const rssAfter = rssMiB(services.pids.gateway);
    progress(`${sockets.length} cabinets connected and live`);

    // Marks at a fixed rate, written by the handler at the status subgraph.
    const interval = 1000 / rate;
    const writeStart = performance.now();
    let writeErrors = 0;
    const writes: Promise<void>[] = [];
    for (let i = 0; i < cabinets.length; i++) {
      const due = writeStart + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      writes.push(
        postGraphQL(services.urls.status, `mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`, { id: cabinets[i].complaintId }, official).then(
          (r) => void (r.errors && writeErrors++),
        ),
      );
    }
    await Promise.all(writes);
    progress(`${cabinets.length} marks written (${writeErrors} errors)`);
    const deadline = Date.now() + 30_000;
    while (received.size < clients - writeErrors && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    latencies.sort((a, b) => a - b);
    connectMs.sort((a, b) => a - b);
    liveMs.sort((a, b) => a - b);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    const summary = {
      bench: 'subscriptions',
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      database: process.env.DATABASE_URL ? 'mysql' : 'sqlite',
      clients,
      markRatePerSecond: rate,
      expected: clients,
      delivered: received.size,
      deliveredPercent: r1((received.size / clients) * 100),
      duplicates,
      writeErrors,
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] },
      connectMs: { p50: r1(percentile(connectMs, 50)), p99: r1(percentile(connectMs, 99)) },
      subscribedAndLiveMs: { p50: r1(percentile(liveMs, 50)), p99: r1(percentile(liveMs, 99)) },
      gatewayRssMiB: { before: rssBefore, after: rssAfter },
      gatewayKiBPerConnection: r1(((rssAfter - rssBefore) * 1024) / clients),
    };
    console.log(JSON.stringify(summary));
    console.table({
      delivery: { expected: clients, delivered: received.size, duplicates, p50: summary.latencyMs.p50, p99: summary.latencyMs.p99, max: summary.latencyMs.max },
    });
  } finally {
    await Promise.all(sockets.map((s) => s.dispose()));
    await services.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
