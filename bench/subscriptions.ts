/**
 * npm run bench:subscriptions -- --clients 1000 [--rate 200] [--warmup 0] [--gateways 1] [--generators N] [--heap-snapshot]
 * N cabinets (graphql-ws connections to the gateways), each subscribed to its own complaint with a field from
 * intake in the payload; then one REGISTERED mark per complaint written at a fixed rate at the status processes.
 * Prints delivered/expected, duplicates, commit→client latency, memory per cabinet of each gateway, and CPU ms per
 * delivered event of every process.
 *
 * `--gateways N` runs N gateway and N status processes over Redis (REDIS_URL, default redis://127.0.0.1:6379), each
 * gateway talking to its own status process; it needs DATABASE_URL (MySQL/MariaDB). The cabinets are opened by `--generators` child processes (default one
 * per 5,000 cabinets), each from a loopback source address of its own (127.0.0.11, .12, …), so neither a process's
 * file-descriptor limit nor one address's ephemeral port range runs out.
 * `--heap-snapshot` writes a heap snapshot of each gateway once the cabinets are live (in /tmp/shagym-heap).
 * `--warmup S` opens `rate × S` more cabinets and marks their complaints first, at the same rate, straight before
 * the measured ones: the processes' code is compiled and the database has settled into the load when measuring
 * starts (as `--warmup` in bench:query and bench:intake). Their marks are delivered but not counted; CPU is counted
 * from the first measured mark. On MySQL/MariaDB the summary names the server's redo log and I/O settings.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { KeepAliveJsonClient } from '../gateway/engine/keep-alive-json-client';
import { mysqlLocation } from '../platform/database';
import { CpuMeter } from './cpu';
import { complaintInput, validBin, validIin } from './fixtures';
import { postGraphQL } from './graphql';
import { percentile } from './load';
import { instanceName, rssMiB, startServiceProcesses } from './services';
import { arg, benchTokens, machine } from './setup';
import type { ChildCommand, ChildReport, ClientCabinet } from './subscription-protocol';

const CABINETS_PER_GENERATOR = 5000;
const HEAP_DIR = '/tmp/shagym-heap';
const ROOT = path.resolve(__dirname, '..');

const started = performance.now();
const progress = (what: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${what}`);

async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
  }
}

/** A client process; its soft file-descriptor limit raised to the hard one when the shell allows it. */
class Generator {
  readonly child: ChildProcess;
  private readonly waiting = new Map<ChildReport['type'], (r: ChildReport) => void>();

  constructor() {
    this.child = spawn(
      '/bin/sh',
      ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, '-r', './scripts/register-ts.js', 'bench/subscription-clients.ts'],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    this.child.on('message', (r: ChildReport) => {
      const type = r.type === 'failed' ? 'live' : r.type;
      const w = this.waiting.get(type);
      this.waiting.delete(type);
      w?.(r);
    });
  }

  ask<T extends ChildReport['type']>(command: ChildCommand, answer: T): Promise<Extract<ChildReport, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiting.set(answer, (r) => (r.type === 'failed' ? reject(new Error(r.message)) : resolve(r as never)));
      this.child.send(command);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop' } satisfies ChildCommand);
    });
  }
}

/** V8 heap in use, from the process's /metrics (prom-client's default metrics). */
async function heapUsedMiB(graphqlUrl: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace('/graphql', '/metrics'))).text();
  const bytes = Number(/^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?)/m.exec(text)?.[1] ?? NaN);
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

async function heapSnapshot(pid: number): Promise<string> {
  const before = new Set(fs.readdirSync(HEAP_DIR));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const file = fs.readdirSync(HEAP_DIR).find((f) => !before.has(f) && f.includes(`.${pid}.`));
    if (!file) continue;
    // Written in one go: done when the size stops growing.
    const size = fs.statSync(path.join(HEAP_DIR, file)).size;
    await new Promise((r) => setTimeout(r, 1000));
    if (fs.statSync(path.join(HEAP_DIR, file)).size === size && size > 0) return path.join(HEAP_DIR, file);
  }
}

async function main() {
  const clients = arg('clients', 1000);
  const rate = arg('rate', 200);
  const gateways = arg('gateways', 1);
  const warmup = arg('warmup', 0);
  const warmupCabinets = Math.round(warmup * rate);
  const generatorCount = arg('generators', Math.ceil((clients + warmupCabinets) / CABINETS_PER_GENERATOR));
  if (gateways > 1 && !process.env.DATABASE_URL) {
    throw new Error('--gateways N > 1 runs N status processes on one database: set DATABASE_URL (MySQL/MariaDB); SQLite is one process per file');
  }
  const snapshot = process.argv.includes('--heap-snapshot');
  if (snapshot) fs.mkdirSync(HEAP_DIR, { recursive: true });
  const services = await startServiceProcesses({}, undefined, {
    gateways,
    nodeFlags: snapshot ? { gateway: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${HEAP_DIR}`] } : {},
  });
  const gatewayNames = services.gatewayUrls.map((_, i) => instanceName('gateway', i));
  progress(`services up (${Object.keys(services.pids).join(', ')})`);
  const generators: Generator[] = [];
  try {
    const admin = await benchTokens.mint({ sub: 'bench', role: 'admin' });
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
    const official = await benchTokens.mint({ sub: 'head', role: 'official', officialId: provider.head.id });

    // Set-up (not measured): one citizen and one complaint per cabinet, filed at intake; cabinet i on gateway i % N.
    // The warm-up cabinets come first: their marks go first.
    const cabinets: ClientCabinet[] = new Array(warmupCabinets + clients);
    const input = complaintInput(provider.id);
    await inBatches(Array.from({ length: cabinets.length }), 64, async (_, i) => {
      const iin = validIin();
      const token = await benchTokens.mint({ sub: iin, role: 'citizen', iin }, '2h');
      const r = await postGraphQL(services.urls.intake, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: input }, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      cabinets[i] = { token, complaintId: r.data.fileComplaint.id, gatewayUrl: services.gatewayUrls[i % gateways], ...(i < warmupCabinets ? { warmup: true } : {}) };
    });
    progress(`${cabinets.length} complaints filed`);

    for (let g = 0; g < generatorCount; g++) generators.push(new Generator());
    const rssBefore = gatewayNames.map((name) => rssMiB(services.pids[name]));
    const heapBefore = await Promise.all(services.gatewayUrls.map(heapUsedMiB));
    const opened = await Promise.all(
      generators.map((g, k) =>
        g.ask({ type: 'open', cabinets: cabinets.filter((_, i) => i % generatorCount === k), localAddress: `127.0.0.${11 + k}`, batch: Math.ceil(200 / generatorCount) }, 'live'),
      ),
    );
    const rssAfter = gatewayNames.map((name) => rssMiB(services.pids[name]));
    const heapAfter = await Promise.all(services.gatewayUrls.map(heapUsedMiB));
    progress(`${cabinets.length} cabinets connected and live`);
    if (snapshot) {
      for (const name of gatewayNames) progress(`heap snapshot of ${name}: ${await heapSnapshot(services.pids[name])}`);
    }

    // Marks at a fixed rate, written by the handler at the status processes in turn.
    const generatorPids = Object.fromEntries(generators.map((g, k) => [`clients ${k + 1}`, g.child.pid!]));
    const cpu = new CpuMeter({ ...services.pids, ...generatorPids }, process.env.DATABASE_URL);
    const interval = 1000 / rate;
    const firstDue = performance.now();
    let writeStart = firstDue;
    let writeErrors = 0;
    const writes: Promise<void>[] = [];
    // The marks go over the gateway's own lean HTTP client: this process shares the 2 cores with the system, and
    // node:http cost it ~0.19 CPU ms per mark (~0.1 ms with this one), time the system under test did not get.
    const writers = services.statusUrls.map((url) => new KeepAliveJsonClient(new URL(url)));
    const register = `mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`;
    const headers = { authorization: `Bearer ${official}` };
    for (let i = 0; i < cabinets.length; i++) {
      const due = firstDue + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (i === warmupCabinets) {
        if (warmupCabinets > 0) progress(`${warmupCabinets} warm-up marks written; measuring`);
        writeStart = performance.now();
        cpu.start();
      }
      const writer = writers[i % writers.length];
      writes.push(
        writer.post(JSON.stringify({ query: register, variables: { id: cabinets[i].complaintId } }), headers, 60_000, false).then(
          ({ body }) => {
            const r = body as { errors?: unknown[] };
            if (r.errors && writeErrors++ === 0) progress(`first write error: ${JSON.stringify(r.errors).slice(0, 300)}`);
          },
          (err: Error) => {
            if (writeErrors++ === 0) progress(`first write error: ${err.message}`);
          },
        ),
      );
    }
    await Promise.all(writes);
    const writeSeconds = (performance.now() - writeStart) / 1000;
    progress(`${clients} measured marks written in ${writeSeconds.toFixed(1)} s (${writeErrors} errors)`);
    const countReceived = async () => (await Promise.all(generators.map((g) => g.ask({ type: 'count' }, 'count')))).reduce((n, r) => n + r.received, 0);
    const deadline = Date.now() + 30_000;
    while ((await countReceived()) < clients - writeErrors && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    cpu.stop();

    const reports = await Promise.all(generators.map((g) => g.ask({ type: 'report' }, 'report')));
    const warmupDelivered = reports.reduce((n, r) => n + r.warmupReceived, 0);
    const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const tailBySecond = slowSeconds(reports);
    const delivered = reports.reduce((n, r) => n + r.received, 0);
    const duplicates = reports.reduce((n, r) => n + r.duplicates, 0);
    const connectMs = opened.flatMap((o) => o.connectMs).sort((a, b) => a - b);
    const liveMs = opened.flatMap((o) => o.liveMs).sort((a, b) => a - b);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    const perGateway = Math.ceil(cabinets.length / gateways);
    const memory = Object.fromEntries(
      gatewayNames.map((name, i) => [
        name,
        {
          rssMiB: `${rssBefore[i]} → ${rssAfter[i]}`,
          heapUsedMiB: `${heapBefore[i]} → ${heapAfter[i]}`,
          rssKiBPerCabinet: r1(((rssAfter[i] - rssBefore[i]) * 1024) / perGateway),
          heapKiBPerCabinet: r1(((heapAfter[i] - heapBefore[i]) * 1024) / perGateway),
        },
      ]),
    );
    const cpuMsPerEvent = cpu.perOperation(Math.max(1, delivered));
    const summary = {
      bench: 'subscriptions',
      date: new Date().toISOString(),
      machine: machine(),
      database: process.env.DATABASE_URL ? 'mysql' : 'sqlite',
      clients,
      gateways,
      generators: generatorCount,
      markRatePerSecond: rate,
      warmup: { seconds: warmup, cabinets: warmupCabinets, delivered: warmupDelivered },
      databaseSettings: process.env.DATABASE_URL ? await databaseSettings(process.env.DATABASE_URL) : undefined,
      achievedMarksPerSecond: Math.round(clients / writeSeconds),
      expected: clients,
      delivered,
      deliveredPercent: r1((delivered / clients) * 100),
      duplicates,
      writeErrors,
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] },
      slowSeconds: tailBySecond,
      connectMs: { p50: r1(percentile(connectMs, 50)), p99: r1(percentile(connectMs, 99)) },
      subscribedAndLiveMs: { p50: r1(percentile(liveMs, 50)), p99: r1(percentile(liveMs, 99)) },
      gatewayMemory: memory,
      cpuMsPerDeliveredEvent: cpuMsPerEvent,
    };
    console.log(JSON.stringify(summary));
    console.table({
      delivery: { expected: clients, delivered, duplicates, p50: summary.latencyMs.p50, p99: summary.latencyMs.p99, max: summary.latencyMs.max },
    });
    console.table(memory);
    console.table({ 'CPU ms per delivered event': cpuMsPerEvent });
  } finally {
    await Promise.all(generators.map((g) => g.stop()));
    await services.stop();
  }
}

/** The server settings that decide how it copes with a steady write load (redo log, page flushing, durability). */
async function databaseSettings(url: string): Promise<Record<string, unknown>> {
  const server = mysqlLocation(url, 'status'); // the server only: no database is opened
  const conn = await mysql.createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  try {
    const [rows] = await conn.query(
      'SELECT VERSION() AS version, @@innodb_log_file_size DIV 1048576 AS redoLogMiB, @@innodb_io_capacity AS ioCapacity, @@innodb_flush_log_at_trx_commit AS flushLogAtTrxCommit, @@innodb_buffer_pool_size DIV 1048576 AS bufferPoolMiB',
    );
    return (rows as Record<string, unknown>[])[0];
  } finally {
    await conn.end();
  }
}

/**
 * The seconds of the run (counted from the first commit) whose p99 is over 100 ms, with their p99 and mark count: a
 * tail spread over every second is queueing; one or two bad seconds are a stall worth finding.
 */
function slowSeconds(reports: { latencies: number[]; committedAt: number[] }[]) {
  const first = Math.min(...reports.flatMap((r) => (r.committedAt.length ? [Math.min(...r.committedAt)] : [])));
  const bySecond = new Map<number, number[]>();
  for (const r of reports) {
    r.committedAt.forEach((at, i) => {
      const second = Math.floor((at - first) / 1000);
      let list = bySecond.get(second);
      if (!list) bySecond.set(second, (list = []));
      list.push(r.latencies[i]);
    });
  }
  const slow: Record<string, { marks: number; p99: number }> = {};
  for (const [second, list] of [...bySecond].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a - b);
    const p99 = percentile(list, 99);
    if (p99 > 100) slow[`s${second}`] = { marks: list.length, p99 };
  }
  return slow;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
