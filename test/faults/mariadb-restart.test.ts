import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import { TokenService } from '../../platform/auth';
import { DEV_JWT_SECRET, loadConfig } from '../../platform/config';
import { mysqlLocation, openDatabase, type ServiceName } from '../../platform/database';
import { directoryDatabase } from '../../subgraphs/directory';
import { complaintInput } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { TestCabinet } from './cabinet-client';
import { Cluster, freePort, PrivateRedis, waitFor } from './cluster';
import { hasMariadbBinaries, PrivateMariadb } from './private-mariadb';
import { sampleCommits } from './commit-sampler';

/** README's delivery bound: a committed mark reaches every open stream within 2 s (here: of the database being back). */
const BOUND_MS = 2000;
/** The database stays down at least this long (longer than the bound), and until every service's /health says so. */
const OUTAGE_MS = 3000;
const CITIZENS = 4;
const FILINGS = 24;

const hasRedisServer = (() => {
  try {
    execSync('command -v redis-server', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const describeFaults = process.env.DATABASE_URL && hasRedisServer && hasMariadbBinaries() ? describe : describe.skip;

const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;
const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { id } }`;
const SERVICES = ['intake', 'directory', 'status0'] as const;

interface GqlError {
  message: string;
  extensions?: Record<string, any>;
}
interface Failure {
  op: 'file' | 'register';
  at: number;
  error: GqlError;
}

/**
 * MariaDB itself killed with SIGKILL mid-burst and started again on the same data directory: a private server
 * (the machine's shared one is left alone), every service in a process of its own, cabinets subscribed.
 */
describeFaults('faults: a private MariaDB killed -9 mid-burst and restarted', () => {
  const tokens = new TokenService(DEV_JWT_SECRET);
  const citizens = Array.from({ length: CITIZENS }, () => validIin());
  const cabinets = new Map<string, TestCabinet>();
  let mariadb: PrivateMariadb;
  let redis: PrivateRedis;
  let cluster: Cluster;
  let providerId: string;
  let headToken: string;
  const conns: Partial<Record<ServiceName, mysql.Connection>> = {};
  const committedAt = new Map<string, number>();
  let sampler: { stop(): void } | undefined;

  /** A query on a service's database; a broken connection is dropped and opened again on the next call. */
  const sql = async <T = any>(service: ServiceName, query: string, params: unknown[] = []): Promise<T[]> => {
    try {
      if (!conns[service]) {
        const loc = mysqlLocation(cluster.serviceDatabaseUrl, service);
        conns[service] = await mysql.createConnection({ host: loc.host, port: loc.port, user: loc.username, database: loc.database, connectTimeout: 1000 });
      }
      const [rows] = await conns[service]!.query(query, params);
      return rows as T[];
    } catch (err) {
      conns[service]?.destroy();
      delete conns[service];
      throw err;
    }
  };

  const health = async (role: (typeof SERVICES)[number]) => (await fetch(`http://127.0.0.1:${cluster.ports[role]}/health`, { signal: AbortSignal.timeout(2000) })).status;

  async function gql(query: string, variables: Record<string, unknown>, token: string): Promise<{ data?: any; errors?: GqlError[] }> {
    const res = await fetch(cluster.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    return (await res.json()) as { data?: any; errors?: GqlError[] };
  }

  beforeAll(async () => {
    mariadb = new PrivateMariadb(await freePort());
    await mariadb.start();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    cluster = new Cluster({ databaseUrl: mariadb.url, redisUrl: redis.url, statusInstances: 1 });
    await cluster.start();
    const directoryDb = await openDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: cluster.serviceDatabaseUrl }), directoryDatabase);
    try {
      const { provider, head } = await createProvider(directoryDb);
      providerId = provider.id;
      headToken = await tokens.mint({ sub: head.id, role: 'official', officialId: head.id });
    } finally {
      await directoryDb.destroy(); // no pool of the test's own outlives the server
    }
    for (const iin of citizens) cabinets.set(iin, new TestCabinet(cluster.gatewayUrl, await tokens.mint({ sub: iin, role: 'citizen', iin })));
    await Promise.all([...cabinets.values()].map((c) => c.start()));
    sampler = sampleCommits(sql, citizens, committedAt);
  }, 300_000);

  afterAll(async () => {
    sampler?.stop();
    await Promise.all([...cabinets.values()].map((c) => c.close().catch(() => undefined)));
    for (const c of Object.values(conns)) c?.destroy();
    await cluster?.stop().catch(() => undefined);
    await redis?.kill().catch(() => undefined);
    await mariadb?.destroy();
  }, 60_000);

  it('every acknowledged filing stored once with one DELIVERED mark; every mark delivered once, in order, within 2 s of recovery', async () => {
    const pids = Object.fromEntries(SERVICES.map((r) => [r, cluster.pid(r)]));
    const failures: Failure[] = [];
    const filings = Array.from({ length: FILINGS }, (_, i) => ({ key: randomUUID(), iin: citizens[i % CITIZENS], id: undefined as string | undefined }));
    const deadline = Date.now() + 90_000;
    const outage = { killedAt: 0, backAt: 0, unhealthy: new Set<string>() };
    let registrations: Promise<void>[] = [];

    /** Until acknowledged: only SERVICE_UNAVAILABLE may interrupt, and the retry carries the same idempotency key. */
    async function file(f: (typeof filings)[number]): Promise<string> {
      const token = await tokens.mint({ sub: f.iin, role: 'citizen', iin: f.iin });
      for (;;) {
        const body = await gql(FILE, { input: complaintInput(providerId, { idempotencyKey: f.key }) }, token);
        if (body.data?.fileComplaint) return body.data.fileComplaint.id;
        for (const error of body.errors ?? []) failures.push({ op: 'file', at: Date.now(), error });
        if (!body.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) throw new Error(`filing refused: ${JSON.stringify(body.errors)}`);
        if (Date.now() > deadline) throw new Error(`filing ${f.key} was never acknowledged`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    /**
     * The head registers each acknowledged complaint once status has it (a mark of its own, made during the burst).
     * CONFLICT is accepted only after an attempt whose outcome was UNKNOWN (that attempt committed).
     */
    async function register(id: string): Promise<void> {
      let unknownBefore = false;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`complaint ${id} was never registered`);
        const seen = await sql('status', "SELECT 1 FROM status_mark WHERE kind = 'DELIVERED' AND complaintId = ?", [id]).catch(() => []);
        if (seen.length) {
          const body = await gql(REGISTER, { id }, headToken);
          if (body.data?.registerComplaint) return;
          const errors = body.errors ?? [];
          if (unknownBefore && errors.every((e) => e.extensions?.code === 'CONFLICT')) return;
          for (const error of errors) failures.push({ op: 'register', at: Date.now(), error });
          if (!errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) throw new Error(`registration refused: ${JSON.stringify(errors)}`);
          unknownBefore ||= errors.some((e) => e.extensions?.outcome === 'UNKNOWN');
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    /** kill -9 of mariadbd; down for OUTAGE_MS and until every service's /health is 503; started again, same port. */
    async function restartDatabase(): Promise<void> {
      await mariadb.kill();
      outage.killedAt = Date.now();
      await waitFor(
        'every service reports the database down',
        async () => {
          for (const r of SERVICES) if ((await health(r).catch(() => 0)) === 503) outage.unhealthy.add(r);
          return outage.unhealthy.size === SERVICES.length;
        },
        20_000,
        100,
      ).catch(() => undefined); // asserted below
      await new Promise((r) => setTimeout(r, Math.max(0, outage.killedAt + OUTAGE_MS - Date.now())));
      await mariadb.start();
      outage.backAt = Date.now();
    }

    /** Awaited later (Promise.all below); marked handled now so an early failure is not an unhandled rejection. */
    const handled = <T>(p: Promise<T>): Promise<T> => {
      p.catch(() => undefined);
      return p;
    };
    let acked = 0;
    let fault: Promise<void> | undefined;
    const queue = [...filings];
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        f.id = await file(f);
        registrations.push(handled(register(f.id)));
        if (++acked === FILINGS / 3) fault = handled(restartDatabase());
        await new Promise((r) => setTimeout(r, 150)); // a burst that lasts into the outage
      }
    };
    await Promise.all([1, 2, 3, 4].map(worker));
    await fault;
    await Promise.all(registrations);
    registrations = [];

    // The outage happened and was seen: every service's /health went 503, mutations failed during it.
    expect(outage.backAt).toBeGreaterThan(outage.killedAt);
    expect([...outage.unhealthy].sort()).toEqual([...SERVICES].sort());
    const during = failures.filter((f) => f.at >= outage.killedAt);
    expect(during.filter((f) => f.op === 'file').length).toBeGreaterThan(0);
    // Every failure was a retryable SERVICE_UNAVAILABLE with an honest outcome and no driver text.
    for (const { error } of failures) {
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, outcome: expect.stringMatching(/^(NOT_APPLIED|UNKNOWN)$/) });
      expect(error.message).not.toMatch(/ECONN|PROTOCOL_CONNECTION|mysql|maria|socket/i);
    }

    // Back without any process restart: /health 200 again from the same processes.
    await waitFor('every service healthy again', async () => (await Promise.all(SERVICES.map(health))).every((s) => s === 200), 20_000, 100);
    expect(Object.fromEntries(SERVICES.map((r) => [r, cluster.pid(r)]))).toEqual(pids);

    // Every acknowledged filing stored exactly once, under its key, with exactly one DELIVERED and one REGISTERED mark.
    const keys = filings.map((f) => f.key);
    const stored = await sql<{ idempotencyKey: string; n: number; id: string }>(
      'intake',
      'SELECT idempotencyKey, COUNT(*) AS n, MIN(id) AS id FROM complaint WHERE idempotencyKey IN (?) GROUP BY idempotencyKey',
      [keys],
    );
    expect(stored.map((s) => [s.idempotencyKey, Number(s.n), s.id]).sort()).toEqual(filings.map((f) => [f.key, 1, f.id]).sort());
    const ids = filings.map((f) => f.id!);
    const marks = await sql<{ complaintId: string; kind: string; n: number }>(
      'status',
      'SELECT complaintId, kind, COUNT(*) AS n FROM status_mark WHERE complaintId IN (?) GROUP BY complaintId, kind',
      [ids],
    );
    const perComplaint = (kind: string) => ids.map((id) => Number(marks.find((m) => m.complaintId === id && m.kind === kind)?.n ?? 0));
    expect(perComplaint('DELIVERED')).toEqual(ids.map(() => 1));
    expect(perComplaint('REGISTERED')).toEqual(ids.map(() => 1));

    // Every cabinet: every mark of its citizen exactly once, in cursor order, within the bound of the database being back.
    const expected = new Map<string, string[]>();
    for (const iin of citizens) expected.set(iin, (await sql<{ id: string }>('status', 'SELECT id FROM status_mark WHERE applicantIin = ? ORDER BY seq', [iin])).map((r) => r.id));
    const complete = () => citizens.every((iin) => cabinets.get(iin)!.marks.length >= expected.get(iin)!.length);
    await waitFor('every cabinet has every mark', async () => complete(), BOUND_MS + 1000, 10).catch(() => undefined);
    const lagOf = (m: { id: string; receivedAt: number }) => m.receivedAt - Math.max(committedAt.get(m.id) ?? m.receivedAt, outage.backAt);
    const worstLag = Math.max(0, ...citizens.flatMap((iin) => cabinets.get(iin)!.marks.map(lagOf)));
    const reconnects = [...cabinets.values()].reduce((n, c) => n + c.reconnects, 0);
    console.log(
      `MariaDB restart: down ${outage.backAt - outage.killedAt} ms; ${during.length} failures during the outage ` +
        `(${during.filter((f) => f.error.extensions?.outcome === 'UNKNOWN').length} UNKNOWN); cabinet reconnects ${reconnects}; ` +
        `worst delivery lag after recovery ${worstLag} ms`,
    );
    for (const iin of citizens) {
      const cabinet = cabinets.get(iin)!;
      expect(cabinet.refused).toBeUndefined();
      expect(cabinet.marks.map((m) => m.id)).toEqual(expected.get(iin)); // each once, in order, nothing missing
      const cursors = cabinet.marks.map((m) => m.cursor);
      expect([...cursors].sort()).toEqual(cursors);
    }
    expect(expected.get(citizens[0])!.length).toBe((FILINGS / CITIZENS) * 2);
    expect(worstLag).toBeLessThanOrEqual(BOUND_MS);
  }, 180_000);
});
