/**
 * npm run bench:intake [-- --concurrency 32 --seconds 10]
 * Durable filings per second through the gateway (each a committed complaint and its outbox event), p50/p99, and
 * how long until status holds every DELIVERED mark. Services run in processes of their own; set DATABASE_URL to
 * measure on MySQL/MariaDB.
 */
import 'reflect-metadata';
import http from 'node:http';
import { complaintInput, validIin } from './fixtures';
import { CpuMeter } from './cpu';
import { postGraphQL } from './graphql';
import { runLoad } from './load';
import { startServiceProcesses } from './services';
import { arg, benchProvider, benchTokens, machine } from './setup';

const USAGE = `npm run bench:intake [-- --concurrency 32 --seconds 10 --warmup 5]
  Files portal complaints through the gateway from one citizen per worker (closed loop), then waits until status
  holds every DELIVERED mark. Prints filings/s, p50/p99 (ms) and CPU ms per filing of every process (the database's
  too when DATABASE_URL is set, e.g. DATABASE_URL=mysql://root@127.0.0.1:3306/shagym_bench). PROFILE=intake writes
  a --cpu-prof profile of that service to PROFILE_DIR (default /tmp/shagym-profiles).`;

async function main() {
  if (process.argv.includes('--help')) return console.log(USAGE);
  const concurrency = arg('concurrency', 32);
  const seconds = arg('seconds', 10);
  const services = await startServiceProcesses();
  try {
    const provider = await benchProvider(services.gatewayUrl);
    const admin = await benchTokens.mint({ sub: 'bench', role: 'admin' });
    const citizens = await Promise.all(
      // One citizen per worker: no two filings in flight share a caller (the gateway batches only per caller).
      Array.from({ length: concurrency }, () => {
        const iin = validIin();
        return benchTokens.mint({ sub: iin, role: 'citizen', iin });
      }),
    );
    const counts = async () => {
      const r = await postGraphQL(
        services.gatewayUrl,
        `{ complaints(first: 1) { totalCount } complaintStatistics { total } }`,
        {},
        admin,
      );
      return { stored: r.data.complaints.totalCount as number, tracked: r.data.complaintStatistics.total as number };
    };
    // The same filing every time, serialised once: the generator's CPU goes to sending and checking, not building.
    const body = JSON.stringify({ query: `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, variables: { i: complaintInput(provider.id) } });
    const fileOne = (worker: number) => postFiling(services.gatewayUrl, body, citizens[worker]);

    await runLoad(fileOne, concurrency, arg('warmup', 5) * 1000); // JIT and connection pools
    const before = await counts();
    const cpu = new CpuMeter(services.pids, !!process.env.DATABASE_URL).start();
    const result = await runLoad(fileOne, concurrency, seconds * 1000);
    cpu.stop();
    const cpuMsPerFiling = cpu.perOperation(result.requests);
    const after = await counts();

    const drainStart = performance.now();
    let tracked = after.tracked;
    while (tracked < after.stored && performance.now() - drainStart < 120_000) {
      await new Promise((r) => setTimeout(r, 100));
      tracked = (await counts()).tracked;
    }
    const summary = {
      bench: 'intake',
      date: new Date().toISOString(),
      machine: machine(),
      database: process.env.DATABASE_URL ? 'mysql' : 'sqlite',
      concurrency,
      filingsPerSecond: result.rps,
      p50: result.p50,
      p99: result.p99,
      errors: result.errors,
      acknowledged: result.requests - result.errors,
      storedDuringRun: after.stored - before.stored,
      allDeliveredToStatus: tracked === after.stored,
      deliveryLagAfterRunMs: Math.round(performance.now() - drainStart),
      cpuMsPerFiling,
    };
    console.log(JSON.stringify(summary));
    console.table({ filings: result });
    console.table({ 'CPU ms per filing': cpuMsPerFiling });
  } finally {
    await services.stop();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One filing on a keep-alive socket: true when the answer is a complaint without errors. */
function postFiling(url: string, body: string, token: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve(res.statusCode === 200 && !answer.errors && !!answer.data?.fileComplaint?.id);
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end(body);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
