/**
 * npm run bench:query [-- --concurrency 20 --seconds 10 --warmup 5 --rounds 4]
 * The cabinet query (complaint + handler + provider + marks) through the gateway, and the same data fetched from
 * the subgraphs directly (intake, then directory and status in parallel), at the same concurrency: RPS, p50, p99
 * and the gateway/direct ratio. Services run in processes of their own, as deployed.
 */
import 'reflect-metadata';
import { complaintInput, eventually, validIin } from './fixtures';
import { CpuMeter } from './cpu';
import { postGraphQL } from './graphql';
import { newSamples, sample, summarize } from './load';
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
    // Each worker is a cabinet of its own: a citizen with their own token and complaint, as in production (the
    // gateway batches fetches only within one caller's requests).
    const cabinets = await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const iin = validIin();
        const token = await benchTokens.mint({ sub: iin, role: 'citizen', iin });
        const filed = await postGraphQL(services.gatewayUrl, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, { i: complaintInput(provider.id) }, token);
        return { token, id: filed.data.fileComplaint.id as string };
      }),
    );
    for (const { id, token } of cabinets) {
      await eventually(async () => {
        const r = await postGraphQL(services.gatewayUrl, CABINET, { id }, token);
        if (r.errors || r.data.complaint.statusMarks.length === 0) throw new Error('not yet delivered');
      });
    }

    const { intake, directory, status } = services.urls;
    const viaGateway = (worker: number) => {
      const { id, token } = cabinets[worker];
      return postGraphQL(services.gatewayUrl, CABINET, { id }, token).then((r) => !r.errors);
    };
    const direct = async (worker: number) => {
      const { id, token } = cabinets[worker];
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

    // Warm both paths up (JIT, connection pools), then alternate them in rounds so drift is shared by both.
    const warmup = arg('warmup', 5) * 1000;
    await sample(viaGateway, concurrency, warmup, newSamples());
    await sample(direct, concurrency, warmup, newSamples());
    const rounds = arg('rounds', 4);
    const paths = {
      gateway: { task: viaGateway, samples: newSamples(), cpu: new CpuMeter(services.pids, process.env.DATABASE_URL) },
      direct: { task: direct, samples: newSamples(), cpu: new CpuMeter(services.pids, process.env.DATABASE_URL) },
    };
    const fetchesBefore = await subgraphFetches(services.gatewayUrl);
    for (let round = 0; round < rounds; round++) {
      for (const path of Object.values(paths)) {
        path.cpu.start();
        await sample(path.task, concurrency, (seconds * 1000) / rounds, path.samples);
        path.cpu.stop();
      }
    }
    const fetchesAfter = await subgraphFetches(services.gatewayUrl);
    const gw = summarize(paths.gateway.samples);
    const dr = summarize(paths.direct.samples);
    const gatewayCpu = paths.gateway.cpu.perOperation(gw.requests);
    const directCpu = paths.direct.cpu.perOperation(dr.requests);
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
      // Loopback sends are most of the gateway's cost: how many subgraph requests (batches) each query took.
      gatewaySubgraphRequestsPerQuery: Math.round(((fetchesAfter.requests - fetchesBefore.requests) / gw.requests) * 100) / 100,
      gatewaySubgraphOperationsPerQuery: Math.round(((fetchesAfter.operations - fetchesBefore.operations) / gw.requests) * 100) / 100,
    };
    console.log(JSON.stringify(summary));
    console.table({ gateway: gw, direct: dr });
    console.table({ 'CPU ms per query, through the gateway': gatewayCpu, 'CPU ms per query, direct': directCpu });
  } finally {
    await services.stop();
  }
}

/** The gateway's subgraph HTTP requests and the operations they carried so far (its /metrics batch-size histogram). */
async function subgraphFetches(gatewayUrl: string): Promise<{ requests: number; operations: number }> {
  const text = await (await fetch(new URL('/metrics', gatewayUrl))).text();
  const total = (series: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${series}{`))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return { requests: total('shagym_gateway_subgraph_batch_size_count'), operations: total('shagym_gateway_subgraph_batch_size_sum') };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
