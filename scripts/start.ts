/** `npm start` runs everything; `npm start -- <intake|directory|status|gateway>` runs one service. */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../platform/config';
import type { RunningServer } from '../platform/http-server';
import { startSubgraph } from '../platform/subgraph-server';
import { flushTracing, startTracing } from '../platform/tracing';
import { startGateway } from '../gateway';
import { SUBGRAPHS } from '../subgraphs';
import { startSystem } from './system';

async function main() {
  const config = loadConfig();
  const only = process.argv[2];
  // Before anything else starts, so every logger and span sees the SDK (a no-op without OTEL_EXPORTER_OTLP_ENDPOINT).
  startTracing(config.telemetry, only ? `shagym-${only}` : 'shagym');
  let stop: () => Promise<void>;
  if (!only) {
    const system = await startSystem(config);
    stop = system.stop;
    const db = config.database.kind === 'sqlite' ? `embedded SQLite in ${config.database.dataDir}` : 'MySQL';
    console.log(`\nShagym is running on ${db}.\n  GraphQL (HTTP and WebSocket): ${system.url}\n  Health: ${system.url.replace('/graphql', '/health')}\n`);
  } else {
    let server: RunningServer;
    if (only === 'gateway') server = await startGateway(config);
    else {
      const def = SUBGRAPHS.find((s) => s.name === only);
      if (!def) throw new Error(`Unknown service "${only}": use intake, directory, status or gateway`);
      server = await startSubgraph(def.define() as never, config);
    }
    stop = server.stop;
    console.log(`${only} is running: ${server.url}`);
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: draining and stopping…`);
      // A drain that cannot finish (a stuck client, a dead database) must not keep the process forever.
      setTimeout(() => {
        console.error('Shutdown took longer than 30 s; exiting anyway');
        process.exit(1);
      }, 30_000).unref();
      stop()
        .then(() => flushTracing())
        .then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
