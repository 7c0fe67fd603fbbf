/**
 * npm run bench:intake [-- --concurrency 32 --seconds 10]
 * Durable filings per second through the gateway (each a committed complaint + outbox event), p50/p99, and how
 * long the status subgraph takes to hold every DELIVERED mark. Uses DATABASE_URL (MariaDB) when set.
 */
import 'reflect-metadata';
import os from 'node:os';
import { StatusMarkRecord } from '../subgraphs/status/status-mark.entity';
import { ComplaintRecord } from '../subgraphs/intake/complaint.entity';
import { createProvider } from '../test/factories/directory.factory';
import { complaintInput } from '../test/factories/complaint.factory';
import { validIin } from '../test/factories/iin';
import { eventually, startTestSystem } from '../test/support/harness';
import { runLoad } from './load';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main() {
  const concurrency = arg('concurrency', 32);
  const seconds = arg('seconds', 10);
  const t = await startTestSystem();
  try {
    const { provider } = await createProvider(t.system.subgraphs.directory.db);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => t.token('citizen', { iin: validIin() })));
    let n = 0;
    const input = complaintInput(provider.id);
    const fileOne = () =>
      t
        .query(`mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: input }, tokens[n++ % tokens.length])
        .then((r) => !r.errors);

    await runLoad(fileOne, concurrency, 1000); // warm-up
    const intakeDb = t.system.subgraphs.intake.db;
    const before = await intakeDb.getRepository(ComplaintRecord).count();
    const result = await runLoad(fileOne, concurrency, seconds * 1000);
    const stored = (await intakeDb.getRepository(ComplaintRecord).count()) - before;

    const drainStart = performance.now();
    const total = await intakeDb.getRepository(ComplaintRecord).count();
    await eventually(async () => {
      const delivered = await t.system.subgraphs.status.db.getRepository(StatusMarkRecord).count();
      if (delivered < total) throw new Error(`${delivered}/${total} delivered`);
    }, 120_000, 100);
    const summary = {
      bench: 'intake',
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      database: t.config.database.kind,
      concurrency,
      filingsPerSecond: result.rps,
      p50: result.p50,
      p99: result.p99,
      errors: result.errors,
      storedDuringRun: stored,
      acknowledged: result.requests - result.errors,
      allDeliveredToStatusWithinMs: Math.round(performance.now() - drainStart),
    };
    console.log(JSON.stringify(summary));
    console.table({ filings: result });
  } finally {
    await t.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
