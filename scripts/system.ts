import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph-server';
import { startGateway, type RunningGateway } from '../gateway';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs';

export interface RunningSystem {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Gateway URL, `http://host:port/graphql` */
  url: string;
  stop(): Promise<void>;
}

/**
 * The composition root, for `npm start` and for tests: every subgraph, then the gateway on top.
 * Ports of 0 pick free ports; the services learn each other's real URLs as they start.
 */
export async function startSystem(config: Config, options: { clock?: Clock } = {}): Promise<RunningSystem> {
  const started: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  let cfg = config;
  try {
    for (const s of SUBGRAPHS) {
      const server = await startSubgraph(s.define() as never, cfg, options);
      started[s.name] = server;
      cfg = { ...cfg, [s.name]: { port: server.port, url: server.url } };
    }
    const subgraphs = started as Record<SubgraphName, RunningSubgraph>;
    for (const s of SUBGRAPHS) subgraphs[s.name].learnPeers(cfg);
    const gateway = await startGateway(cfg, {
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([n, s]) => [n, s.url])),
    });
    return {
      gateway,
      subgraphs,
      url: gateway.url,
      stop: async () => {
        await gateway.stop();
        for (const s of [...SUBGRAPHS].reverse()) await subgraphs[s.name].stop();
      },
    };
  } catch (err) {
    for (const s of Object.values(started)) await s?.stop();
    throw err;
  }
}
