import WebSocket from 'ws';
import { complaintInput, FILE_COMPLAINT } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { complaintCount, healthStatus, postOperation, rawSocket } from './hostile-support';

/** Per-caller rate limits (issue 13, item 12), set low for this system only: 3 mutations and 4 connections a minute. */
describe('per-caller rate limits', () => {
  let t: TestSystem;
  let admin: string;
  let providerId: string;
  beforeAll(async () => {
    t = await startTestSystem({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '3', RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '4' });
    admin = await t.token('admin');
    providerId = (await createProvider(t.system.subgraphs.directory.db)).provider.id;
  });
  afterAll(() => t?.stop());

  it('answers a citizen past the mutation limit with 429 RATE_LIMITED and Retry-After, over HTTP and WebSocket, filing nothing more', async () => {
    const citizen = await t.token('citizen', { iin: validIin() });
    const before = await complaintCount(t, admin);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await postOperation(t.url, FILE_COMPLAINT, { input: complaintInput(providerId) }, citizen));
    expect(answers.map((a) => [a.status, a.code])).toEqual([[200, undefined], [200, undefined], [200, undefined], [429, 'RATE_LIMITED']]);
    const retryAfter = Number(answers[3].headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(answers[3].extensions?.retryAfter).toBe(retryAfter);

    // The same caller over graphql-ws shares the limit.
    const ws = rawSocket(t.url, { authorization: `Bearer ${citizen}` });
    try {
      const overWs = await ws.operation(FILE_COMPLAINT, { input: complaintInput(providerId) });
      expect(overWs.code).toBe('RATE_LIMITED');
      expect(overWs.extensions?.retryAfter).toEqual(expect.any(Number));
    } finally {
      ws.close();
    }

    // Another caller is not affected; queries are not limited.
    const other = await t.token('citizen', { iin: validIin() });
    expect((await postOperation(t.url, FILE_COMPLAINT, { input: complaintInput(providerId) }, other)).status).toBe(200);
    expect((await postOperation(t.url, '{ contactCenter { phones } }', {}, citizen)).status).toBe(200);
    expect(await complaintCount(t, admin)).toBe(before + 4);
    expect(await healthStatus(t)).toBe(200);
  });

  it('counts each mutation of an operation: four aliased filings in one request are refused, none filed', async () => {
    const citizen = await t.token('citizen', { iin: validIin() });
    const before = await complaintCount(t, admin);
    const four = `mutation($i: FileComplaintInput!) { ${[0, 1, 2, 3].map((n) => `f${n}: fileComplaint(input: $i) { id }`).join(' ')} }`;
    const answer = await postOperation(t.url, four, { i: complaintInput(providerId) }, citizen);
    expect([answer.status, answer.code]).toEqual([429, 'RATE_LIMITED']);
    expect(await complaintCount(t, admin)).toBe(before);
  });

  it('answers WebSocket connection attempts past the limit with 429 and Retry-After on the upgrade', async () => {
    const statuses: (number | string)[] = [];
    let retryAfter: string | undefined;
    // Other tests of this file may have used some of this address's 4 connections already.
    for (let i = 0; i < 6; i++) {
      const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      statuses.push(
        await new Promise<number | string>((resolve) => {
          socket.on('open', () => {
            socket.close();
            resolve('open');
          });
          socket.on('unexpected-response', (_req, res) => {
            retryAfter = res.headers['retry-after'];
            resolve(res.statusCode ?? 0);
          });
          socket.on('error', () => undefined);
        }),
      );
    }
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThanOrEqual(1);
    expect(firstRefused).toBeLessThanOrEqual(4);
    expect(statuses.slice(0, firstRefused).every((s) => s === 'open')).toBe(true);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await healthStatus(t)).toBe(200);
  });
});
