/**
 * npm run bench:query [-- --concurrency 20 --seconds 10]
 * The cabinet query (complaint + handler + provider + marks) through the gateway, and the same data fetched from
 * the three subgraphs directly, at the same concurrency: RPS, p50, p99 and the gateway/direct ratio.
 */
import 'reflect-metadata';
import os from 'node:os';
import { createProvider } from '../test/factories/directory.factory';
import { complaintInput } from '../test/factories/complaint.factory';
import { validIin } from '../test/factories/iin';
import { eventually, postGraphQL, startTestSystem } from '../test/support/harness';
import { runLoad } from './load';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const CABINET = `query($id: ID!) { complaint(id: $id) {
  number filedOn handler { surname name position } serviceProvider { nameRu nameKk }
  status statusMarks { kind at cursor } } }`;

async function main() {
  const concurrency = arg('concurrency', 20);
  const seconds = arg('seconds', 10);
  const t = await startTestSystem();
  try {
    const { provider } = await createProvider(t.system.subgraphs.directory.db);
    const token = await t.token('citizen', { iin: validIin() });
    const filed = await t.query(`mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: complaintInput(provider.id) }, token);
    const id = filed.data.fileComplaint.id as string;
    await eventually(async () => {
      const r = await t.query(CABINET, { id }, token);
      if (r.errors || r.data.complaint.statusMarks.length === 0) throw new Error('not yet delivered');
    });

    const { intake, directory, status } = t.system.subgraphs;
    const viaGateway = () => t.query(CABINET, { id }, token).then((r) => !r.errors);
    const direct = async () => {
      const c = await postGraphQL(intake.url, `query($id: ID!) { complaint(id: $id) { number filedOn handler { id } serviceProvider { id } } }`, { id }, token);
      if (c.errors) return false;
      const [d, s] = await Promise.all([
        postGraphQL(
          directory.url,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Official { surname name position } ... on ServiceProvider { nameRu nameKk } } }`,
          { r: [{ __typename: 'Official', id: c.data.complaint.handler.id }, { __typename: 'ServiceProvider', id: c.data.complaint.serviceProvider.id }] },
          token,
        ),
        postGraphQL(status.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { status statusMarks { kind at cursor } } } }`, { r: [{ __typename: 'Complaint', id }] }, token),
      ]);
      return !d.errors && !s.errors;
    };

    await runLoad(viaGateway, concurrency, 1000); // warm-up
    await runLoad(direct, concurrency, 1000);
    const gw = await runLoad(viaGateway, concurrency, seconds * 1000);
    const dr = await runLoad(direct, concurrency, seconds * 1000);
    const summary = {
      bench: 'query',
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      database: t.config.database.kind,
      concurrency,
      gateway: gw,
      direct: dr,
      gatewayToDirectRatio: Math.round((gw.rps / dr.rps) * 100) / 100,
    };
    console.log(JSON.stringify(summary));
    console.table({ gateway: gw, direct: dr });
  } finally {
    await t.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
