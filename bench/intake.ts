/**
 * npm run bench:intake [-- --concurrency 32 --seconds 10]
 * Durable filings per second through the gateway (each a committed complaint and its outbox event), p50/p99, and
 * how long until status holds every DELIVERED mark. Services run in processes of their own; set DATABASE_URL to
 * measure on MySQL/MariaDB.
 */
import 'reflect-metadata';
import { complaintInput, validIin } from './fixtures';
import { CpuMeter } from './cpu';
import { postGraphQL } from './graphql';
import { runLoad } from './load';
import { startServiceProcesses } from './services';
import { arg, benchProvider, benchTokens, machine } from './setup';

async function main() {
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
    const input = complaintInput(provider.id);
    const fileOne = (worker: number) =>
      postGraphQL(services.gatewayUrl, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: input }, citizens[worker]).then(
        (r) => !r.errors,
      );

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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
