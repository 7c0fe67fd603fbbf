/**
 * npm run bench:query [-- --concurrency 20 --seconds 10]
 * The cabinet query (complaint + handler + provider + marks) through the gateway, and the same data fetched from
 * the subgraphs directly (intake, then directory and status in parallel), at the same concurrency: RPS, p50, p99
 * and the gateway/direct ratio. Services run in processes of their own, as deployed.
 */
import 'reflect-metadata';
import { complaintInput } from '../test/factories/complaint.factory';
import { validIin } from '../test/factories/iin';
import { eventually } from '../test/support/harness';
import { postGraphQL } from './graphql';
import { countCpu } from './cpu';
import { runLoad } from './load';
import { startServiceProcesses } from './services';
import { arg, benchProvider, benchTokens, machine } from './setup';

const CABINET = `query($id: ID!) { complaint(id: $id) {
  number filedOn handler { surname name position } serviceProvider { nameRu nameKk }
  status statusMarks { kind at cursor } } }`;

async function main() {
  const concurrency = arg('concurrency', 20);
  const seconds = arg('seconds', 10);
  const services = await startServiceProcesses();
  try {
    const provider = await benchProvider(services.gatewayUrl);
    const iin = validIin();
    const token = await benchTokens.mint({ sub: iin, role: 'citizen', iin });
    const filed = await postGraphQL(services.gatewayUrl, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: complaintInput(provider.id) }, token);
    const id = filed.data.fileComplaint.id as string;
    await eventually(async () => {
      const r = await postGraphQL(services.gatewayUrl, CABINET, { id }, token);
      if (r.errors || r.data.complaint.statusMarks.length === 0) throw new Error('not yet delivered');
    });

    const { intake, directory, status } = services.urls;
    const viaGateway = () => postGraphQL(services.gatewayUrl, CABINET, { id }, token).then((r) => !r.errors);
    const direct = async () => {
      const c = await postGraphQL(intake, `query($id: ID!) { complaint(id: $id) { number filedOn handler { id } serviceProvider { id } } }`, { id }, token);
      if (c.errors) return false;
      const [d, s] = await Promise.all([
        postGraphQL(
          directory,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Official { surname name position } ... on ServiceProvider { nameRu nameKk } } }`,
          { r: [{ __typename: 'Official', id: c.data.complaint.handler.id }, { __typename: 'ServiceProvider', id: c.data.complaint.serviceProvider.id }] },
          token,
        ),
        postGraphQL(status, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { status statusMarks { kind at cursor } } } }`, { r: [{ __typename: 'Complaint', id }] }, token),
      ]);
      return !d.errors && !s.errors;
    };

    await runLoad(viaGateway, concurrency, 2000); // warm-up
    await runLoad(direct, concurrency, 2000);
    const measure = async (task: () => Promise<boolean>) => {
      const cpu = countCpu(services.pids, !!process.env.DATABASE_URL);
      const load = await runLoad(task, concurrency, seconds * 1000);
      return { load, cpuMsPerQuery: cpu(load.requests) };
    };
    const { load: gw, cpuMsPerQuery: gatewayCpu } = await measure(viaGateway);
    const { load: dr, cpuMsPerQuery: directCpu } = await measure(direct);
    const summary = {
      bench: 'query',
      date: new Date().toISOString(),
      machine: machine(),
      database: process.env.DATABASE_URL ? 'mysql' : 'sqlite',
      concurrency,
      gateway: gw,
      direct: dr,
      gatewayToDirectRatio: Math.round((gw.rps / dr.rps) * 100) / 100,
      cpuMsPerQuery: { gateway: gatewayCpu, direct: directCpu },
    };
    console.log(JSON.stringify(summary));
    console.table({ gateway: gw, direct: dr });
    console.table({ 'CPU ms per query, through the gateway': gatewayCpu, 'CPU ms per query, direct': directCpu });
  } finally {
    await services.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
