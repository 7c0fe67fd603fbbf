import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../../gateway';
import type { Config } from '../../platform/config';
import { graphqlRequests } from '../../platform/metrics';
import { citizen, complaintInput, fileComplaint, FILE_COMPLAINT, providerWithStaff } from '../factories/complaint.factory';
import { startTestSystem, type TestSystem } from '../support/harness';

const CABINET = `query Cabinet($id: ID!) { complaint(id: $id) { number handler { id surname } serviceProvider { id nameRu } status statusMarks { kind } } }`;

interface Exchange {
  status: number;
  /** Every response header as sent, in order, but Date. */
  headers: string[];
  body: string;
}

/** One POST (or GET) with exactly these headers, on a fresh connection; the answer as it came. */
function exchange(url: string, body: string | null, headers: Record<string, string>, method = 'POST', search = ''): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${search}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = res.rawHeaders;
        const kept: string[] = [];
        for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() !== 'date') kept.push(`${raw[i]}: ${raw[i + 1]}`);
        resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', origin: 'http://cabinet.example', ...extra });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The gateway's fast lane (gateway/fast-lane) against Apollo Server: the system's gateway (lane on) and a gateway on
 * the same subgraphs with the lane off get the same requests; the second of each pair is compared byte for byte
 * (status, headers but Date, body), and the lane's counters say whether the lane or Apollo Server answered it.
 */
describe('gateway: the fast lane answers as Apollo Server does', () => {
  let t: TestSystem;
  let lane: RunningGateway;
  let apollo: RunningGateway;
  let token: string;
  let complaintId: string;
  const others: RunningGateway[] = [];
  const subgraphUrls = () => Object.fromEntries(Object.entries(t.system.subgraphs).map(([n, s]) => [n, s.url]));
  const gatewayConfig = (over: Partial<Config> = {}): Config => ({ ...t.config, gateway: { port: 0 }, ...over });

  beforeAll(async () => {
    t = await startTestSystem({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '2' });
    lane = t.system.gateway;
    apollo = await startGateway(gatewayConfig(), { subgraphUrls: subgraphUrls(), fastLane: false });
    const { provider } = await providerWithStaff(t);
    ({ token } = await citizen(t));
    complaintId = (await fileComplaint(t, token, provider.id)).id;
  });
  afterAll(async () => {
    for (const g of [apollo, ...others]) await g?.stop();
    await t?.stop();
  });

  /**
   * Each gateway gets the request twice (the first plans it); the second answers are returned with whether the lane
   * answered the fast gateway's.
   */
  async function twice(body: string | null, headers: Record<string, string>, gateways = { fast: lane, reference: apollo }) {
    await exchange(gateways.fast.url, body, headers);
    await exchange(gateways.reference.url, body, headers);
    const served = gateways.fast.fastLane.served;
    const fast = await exchange(gateways.fast.url, body, headers);
    const reference = await exchange(gateways.reference.url, body, headers);
    return { fast, reference, onLane: gateways.fast.fastLane.served === served + 1 };
  }
  const cabinet = (variables: unknown = { id: complaintId }, extra: Record<string, unknown> = {}) => JSON.stringify({ query: CABINET, variables, ...extra });
  const codeOf = (e: Exchange) => JSON.parse(e.body).errors?.[0]?.extensions?.code;

  it('answers a cached cabinet query on the lane, with the same status, headers and bytes', async () => {
    const { fast, reference, onLane } = await twice(cabinet(), json(bearer(token)));
    expect(onLane).toBe(true);
    expect(fast).toEqual(reference);
    expect(fast.status).toBe(200);
    expect(JSON.parse(fast.body).data.complaint.handler.id).toEqual(expect.any(String));
    expect(fast.headers).toEqual(expect.arrayContaining(['access-control-allow-origin: http://cabinet.example', 'content-type: application/json; charset=utf-8']));
  });

  it.each([
    ['application/graphql-response+json'],
    ['*/*'],
    ['application/json, text/plain'],
    ['application/graphql-response+json;q=0.9, application/json;q=0.8'],
  ])('negotiates Accept: %s as Apollo Server does', async (accept) => {
    const { fast, reference, onLane } = await twice(cabinet(), json({ ...bearer(token), accept }));
    expect(onLane).toBe(true);
    expect(fast).toEqual(reference);
  });

  it('leaves an Accept it cannot answer to Apollo Server (406)', async () => {
    const { fast, reference, onLane } = await twice(cabinet(), json({ ...bearer(token), accept: 'text/html' }));
    expect(onLane).toBe(false);
    expect(fast).toEqual(reference);
    expect(fast.status).toBe(406);
  });

  it.each([
    ['application/json', 200],
    ['application/graphql-response+json', 400],
  ])('answers variables that do not coerce with BAD_USER_INPUT, status as graphql-over-http asks (Accept %s: %d)', async (accept, status) => {
    for (const variables of [{}, { id: { not: 'an id' } }, null]) {
      const { fast, reference, onLane } = await twice(cabinet(variables), json({ ...bearer(token), accept }));
      expect(onLane).toBe(true);
      expect(fast).toEqual(reference);
      expect([fast.status, codeOf(fast)]).toEqual([status, 'BAD_USER_INPUT']);
    }
  });

  it("formats a subgraph's errors alike: another citizen's complaint, a bad token, no token", async () => {
    const stranger = (await citizen(t)).token;
    for (const headers of [json(bearer(stranger)), json({ authorization: 'Bearer not-a-token' }), json()]) {
      const { fast, reference, onLane } = await twice(cabinet(), headers);
      expect(onLane).toBe(true);
      expect(fast).toEqual(reference);
      expect(JSON.parse(fast.body).errors).toEqual(expect.any(Array));
    }
  });

  it('answers a subgraph that does not answer alike (SERVICE_UNAVAILABLE, partial data)', async () => {
    const deadStatus = { ...subgraphUrls(), status: 'http://127.0.0.1:9/graphql' };
    const fast = await startGateway(gatewayConfig(), { subgraphUrls: deadStatus });
    const reference = await startGateway(gatewayConfig(), { subgraphUrls: deadStatus, fastLane: false });
    others.push(fast, reference);
    const answers = await twice(cabinet(), json(bearer(token)), { fast, reference });
    expect(answers.onLane).toBe(true);
    expect(answers.fast).toEqual(answers.reference);
    expect(codeOf(answers.fast)).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.parse(answers.fast.body)).toHaveProperty('data');
  });

  it('counts lane answers in the same metrics as Apollo Server', async () => {
    const labels = { service: 'gateway', operation: 'Cabinet', outcome: 'ok' };
    const count = async () => (await graphqlRequests.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))?.value ?? 0;
    const before = await count();
    const served = lane.fastLane.served;
    for (let i = 0; i < 3; i++) await exchange(lane.url, cabinet(), json(bearer(token)));
    expect(lane.fastLane.served).toBe(served + 3);
    expect(await count()).toBe(before + 3);
  });

  it("answers a planned mutation on the lane, the caller's rate limit still refusing the third filing (429, Retry-After)", async () => {
    const caller = (await citizen(t)).token;
    const body = JSON.stringify({ query: FILE_COMPLAINT, variables: { input: complaintInput('00000000-0000-4000-8000-000000000000') } });
    const served = lane.fastLane.served; // planned when beforeAll filed
    const answers = { fast: [] as Exchange[], reference: [] as Exchange[] };
    for (let i = 0; i < 3; i++) {
      answers.fast.push(await exchange(lane.url, body, json(bearer(caller))));
      answers.reference.push(await exchange(apollo.url, body, json(bearer(caller))));
    }
    expect(lane.fastLane.served).toBe(served + 3);
    // The two gateways' one-minute windows started a few ms apart: the seconds left may differ by one.
    const seconds = (e: Exchange) => JSON.stringify(e).replace(/(retry-after: |"retryAfter":)\d+/gi, '$1N');
    expect(answers.fast.map(seconds)).toEqual(answers.reference.map(seconds));
    expect(answers.fast.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers.fast[2].headers).toEqual(expect.arrayContaining([expect.stringMatching(/^retry-after: \d+$/)]));
  });

  it('leaves to Apollo Server what the lane does not take: persisted-query extensions, unknown operation names, odd bodies', async () => {
    const hash = createHash('sha256').update(CABINET).digest('hex');
    const bodies = [
      cabinet({ id: complaintId }, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      cabinet({ id: complaintId }, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'e'.repeat(64) } } }),
      cabinet({ id: complaintId }, { operationName: 'Nope' }),
      cabinet({ id: complaintId }, { operationName: 7 }),
      cabinet('{"id":"x"}'),
      cabinet([]),
      cabinet({ id: complaintId }, { id: 'a client field Apollo ignores' }),
    ];
    for (const body of bodies) {
      const { fast, reference, onLane } = await twice(body, json(bearer(token)));
      expect(onLane).toBe(false);
      expect(fast).toEqual(reference);
    }
  });

  it('keeps the checks made before the lane: media type, JSON, body size, CSRF on GET, the limits pre-check', async () => {
    const many = `{ ${'__typename '.repeat(60)}}`; // past the response-name repeat limit
    const cases: [string | null, Record<string, string>, string, string, number, string][] = [
      [cabinet(), { 'content-type': 'text/plain' }, 'POST', '', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['{"query": ', json(), 'POST', '', 400, 'BAD_REQUEST'],
      [JSON.stringify({ query: CABINET, variables: { id: 'x'.repeat(2_000_000) } }), json(), 'POST', '', 413, 'PAYLOAD_TOO_LARGE'],
      [null, {}, 'GET', `?query=${encodeURIComponent('{ __typename }')}`, 400, 'BAD_REQUEST'],
      [JSON.stringify({ query: many }), json({ accept: 'application/graphql-response+json' }), 'POST', '', 400, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [body, headers, method, search, status, code] of cases) {
      const served = lane.fastLane.served;
      const fast = await exchange(lane.url, body, headers, method, search);
      const reference = await exchange(apollo.url, body, headers, method, search);
      expect(lane.fastLane.served).toBe(served);
      expect(fast).toEqual(reference);
      expect([fast.status, codeOf(fast)]).toEqual([status, code]);
    }
  });

  describe('with trusted documents', () => {
    let fast: RunningGateway;
    let reference: RunningGateway;
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    beforeAll(async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-lane-')), 'manifest.json');
      fs.writeFileSync(file, JSON.stringify({ [sha256(CABINET)]: CABINET }));
      fast = await startGateway(gatewayConfig({ trustedDocuments: file }), { subgraphUrls: subgraphUrls() });
      reference = await startGateway(gatewayConfig({ trustedDocuments: file }), { subgraphUrls: subgraphUrls(), fastLane: false });
      others.push(fast, reference);
    });

    it('runs a trusted document on the lane, and answers hash-only requests, misses and untrusted documents as Apollo Server', async () => {
      const trusted = await twice(cabinet(), json(bearer(token)), { fast, reference });
      expect(trusted.onLane).toBe(true);
      expect(trusted.fast).toEqual(trusted.reference);
      expect(trusted.fast.status).toBe(200);

      const byHash = JSON.stringify({ variables: { id: complaintId }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(CABINET) } } });
      const miss = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ a }') } } });
      const untrusted = JSON.stringify({ query: `${CABINET} `, variables: { id: complaintId } });
      const expected: [string, number, string | undefined][] = [
        [byHash, 200, undefined],
        [miss, 404, 'PERSISTED_QUERY_NOT_FOUND'],
        [untrusted, 400, 'OPERATION_NOT_TRUSTED'],
      ];
      for (const [body, status, code] of expected) {
        const answers = await twice(body, json(bearer(token)), { fast, reference });
        expect(answers.onLane).toBe(false);
        expect(answers.fast).toEqual(answers.reference);
        expect([answers.fast.status, codeOf(answers.fast)]).toEqual([status, code]);
      }
    });
  });
});
