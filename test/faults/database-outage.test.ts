import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../platform/config';
import { dropMysqlDatabase } from '../../platform/database';
import { startSubgraph, type RunningSubgraph } from '../../platform/subgraph-server';
import { directorySubgraph } from '../../subgraphs/directory';
import { eventually, postGraphQL } from '../support/harness';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const mysqlUrl = process.env.DATABASE_URL;
const onMysql = mysqlUrl ? describe : describe.skip;
const UNITS = `{ administrativeUnits { katoCode } }`;

/** The database goes away under a running service (through a relay we cut; the shared MariaDB is left alone). */
onMysql('a database outage', () => {
  let proxy: TcpProxy;
  let directory: RunningSubgraph;
  let url: URL;

  beforeAll(async () => {
    const real = new URL(mysqlUrl!);
    proxy = await startTcpProxy(Number(real.port || 3306), real.hostname);
    url = new URL(mysqlUrl!);
    url.port = String(proxy.port);
    url.pathname = `/shagym_outage${randomBytes(3).toString('hex')}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DIRECTORY_PORT: '0',
      DATABASE_URL: url.toString(),
      SEED_DEMO_DATA: 'false',
      DIRECTORY_CACHE_TTL_MS: "0",
      LOG_LEVEL: "error",
    });
    directory = await startSubgraph(directorySubgraph(), config);
  });
  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await directory?.stop();
    await proxy?.close();
    if (url) {
      const real = new URL(mysqlUrl!);
      real.pathname = url.pathname;
      await dropMysqlDatabase(real.toString(), 'directory');
    }
  });

  it('is a retryable SERVICE_UNAVAILABLE without the driver text, /health says the database is down, and service resumes', async () => {
    expect((await postGraphQL(directory.url, UNITS)).errors).toBeUndefined();
    const health = directory.url.replace('/graphql', '/health');

    await proxy.cut();
    const failed = await postGraphQL(directory.url, UNITS);
    expect(failed.data ?? null).toBeNull();
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors![0].extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      dependency: 'database',
      outcome: expect.stringMatching(/^(NOT_APPLIED|UNKNOWN)$/),
    });
    expect(failed.errors![0].message).not.toMatch(/ECONN|PROTOCOL|connect|mysql|maria|socket/i);
    const down = await fetch(health);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', dependencies: { database: 'down' } });

    await proxy.restore();
    await eventually(async () => expect((await postGraphQL(directory.url, UNITS)).errors).toBeUndefined(), 20_000, 200);
    const up = await fetch(health);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', dependencies: { database: 'up' } });
  }, 60_000);
});
