import { SignJWT } from 'jose';
import { complaintInput, FILE_COMPLAINT } from '../factories/complaint.factory';
import { createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';
import { complaintCount, healthStatus, post, postOperation, rawSocket, type Answer } from './hostile-support';

/**
 * A bad-input corpus against the gateway (issue 13), each case over HTTP and, where it applies, over graphql-ws:
 * the answer (status and extensions.code), and after every case the system still answers /health and nothing was
 * filed.
 */

/** `levels` fragments each spreading the next twice: 2^levels copies when expanded (the old rule walked them all). */
function fragmentBomb(levels: number): string {
  let text = 'query Bomb { ...F0 }\n';
  for (let i = 0; i < levels; i++) text += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `${text}fragment F${levels} on Query { contactCenter { phones } }`;
}

const nested = (levels: number) => `{ serviceProviders { administrativeUnit { ${'parent { '.repeat(levels)}katoCode ${'} '.repeat(levels)}} } }`;

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  status: number;
  code: string;
  extensions?: Record<string, unknown>;
  message?: RegExp;
}

const CASES: Case[] = [
  { name: 'a fragment bomb (30 levels, 2^30 fields expanded)', query: fragmentBomb(30), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', extensions: { limit: 'fields' } },
  { name: 'one response name 450 times (quadratic to merge)', query: `{ ${'a: contactCenter { phones } '.repeat(450)}}`, status: 400, code: 'GRAPHQL_VALIDATION_FAILED', extensions: { limit: 'repeats' } },
  { name: 'a document past the token limit', query: `{ ${'__typename '.repeat(6000)}}`, status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a query nested 30 levels deep', query: nested(27), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', extensions: { limit: 'depth' } },
  { name: 'an unknown field', query: '{ contactCenterr { phones } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'an impossible Date literal', query: '{ addWorkingDays(from: "2025-02-30", days: 1) }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', extensions: { field: 'addWorkingDays.from' } },
  { name: 'a 29 February of a common year', query: '{ isWorkingDay(date: "2023-02-29") }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', extensions: { field: 'isWorkingDay.date' } },
  { name: 'a Date variable that is no date', query: 'query($d: Date!) { isWorkingDay(date: $d) }', variables: { d: 'yesterday' }, status: 400, code: 'BAD_USER_INPUT', message: /"\$d".*yesterday/ },
  { name: 'a wrongly typed Int variable', query: 'query($n: Int!) { addWorkingDays(from: "2025-02-03", days: $n) }', variables: { n: 'x' }, status: 400, code: 'BAD_USER_INPUT' },
  { name: 'an unknown operationName', query: 'query A { contactCenter { phones } }', operationName: 'B', status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
];

describe('hostile input through the gateway', () => {
  let t: TestSystem;
  let admin: string;
  let providerId: string;
  let citizen: string;
  let complaintId: string;
  let stored: number;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = await t.token('admin');
    const { provider } = await createProvider(t.system.subgraphs.directory.db);
    providerId = provider.id;
    citizen = await t.token('citizen', { iin: validIin() });
    const filed = await t.query(FILE_COMPLAINT, { input: complaintInput(providerId) }, citizen);
    complaintId = filed.data.fileComplaint.id;
    stored = await complaintCount(t, admin);
  });
  afterAll(() => t?.stop());

  afterEach(async () => {
    expect(await healthStatus(t)).toBe(200);
    expect(await complaintCount(t, admin)).toBe(stored);
  });

  const expectAnswer = (answer: Answer, c: Case, status?: number) => {
    expect({ status: status ?? answer.status, code: answer.code }).toEqual({ status: status ?? c.status, code: c.code });
    if (c.extensions) expect(answer.extensions).toMatchObject(c.extensions);
    if (c.message) expect(answer.message).toMatch(c.message);
    expect(answer.message).not.toMatch(/https?:\/\//); // no internal subgraph URL
  };

  describe.each(CASES)('$name', (c) => {
    it('over HTTP', async () => {
      expectAnswer(await postOperation(t.url, c.query, c.variables, undefined, c.operationName), c);
    });
    it('over WebSocket, with the same code', async () => {
      const ws = rawSocket(t.url, {});
      try {
        expectAnswer(await ws.operation(c.query, c.variables, c.operationName), c, c.status);
      } finally {
        ws.close();
      }
    });
  });

  it('answers a body of 1 MB or more with 413 and a GraphQL error, then closes (no connection reset)', async () => {
    const body = JSON.stringify({ query: '{ contactCenter { phones } }', variables: { pad: 'x'.repeat(2_000_000) } });
    const answer = await post(t.url, body);
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(answer.headers?.get('connection')).toBe('close');
  });

  it('closes a WebSocket whose message is larger than the body limit (1009), not buffering 100 MiB', async () => {
    const ws = rawSocket(t.url, {});
    await ws.opened;
    ws.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } } }));
    expect((await ws.closed).code).toBe(1009);
  });

  it.each([
    ['APPLICATION/JSON', 200, undefined],
    ['Application/Json; charset=UTF-8', 200, undefined],
    ['application/jsonx', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('treats Content-Type %s as a media type, case-insensitively (%s)', async (type, status, code) => {
    const answer = await post(t.url, JSON.stringify({ query: '{ contactCenter { phones } }' }), { 'content-type': type });
    expect({ status: answer.status, code: answer.code }).toEqual({ status, code });
  });

  it.each([[42], [{ token: 'x' }], [['Bearer x']]])('closes a connection_init whose authorization is %j (not a string) with 4403', async (authorization) => {
    const ws = rawSocket(t.url, { authorization });
    expect((await ws.closed).code).toBe(4403);
  });

  describe('tokens', () => {
    const secret = () => new TextEncoder().encode(t.config.auth.jwtSecret);
    const sign = (claims: Record<string, unknown>, exp?: number) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(String(claims.sub)).setIssuedAt();
      if (exp !== undefined) jwt.setExpirationTime(exp);
      return jwt.sign(secret());
    };
    const iin = validIin();
    const badCheckDigit = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['a citizen IIN failing the check digit', () => sign({ sub: badCheckDigit, role: 'citizen', iin: badCheckDigit }, now() + 3600)],
      ['no exp', () => sign({ sub: iin, role: 'citizen', iin })],
      ['an exp ten years ahead', () => sign({ sub: iin, role: 'citizen', iin }, now() + 10 * 365 * 86400)],
    ])('refuses a token with %s: UNAUTHENTICATED over HTTP and WebSocket, nothing filed', async (_what, make) => {
      const token = await make();
      const http = await postOperation(t.url, FILE_COMPLAINT, { input: complaintInput(providerId) }, token);
      expect(http.code).toBe('UNAUTHENTICATED');
      const ws = rawSocket(t.url, { authorization: `Bearer ${token}` });
      expect((await ws.closed).code).toBe(4403);
    });
  });

  describe('invisible text', () => {
    it.each([
      ['input.reasons', { reasons: '\u200b\u200b\u200b\u200b' }],
      ['input.demands', { demands: '\u202e\u200f\u2066\u2069' }],
      ['input.applicant.postalAddress', { applicant: { ...complaintInput('x').applicant, postalAddress: '\u0000\u0001\u001b[31m\u001b[0m\u200b' } }],
      ['input.applicant.postalAddress', { applicant: { ...complaintInput('x').applicant, postalAddress: 'Аб\u200b\u200b\u200b\u200b\u200b\u200b' } }],
      ['input.signature', { signature: '\ufeff\u200d\u2060' }],
    ])('refuses %s without visible content (BAD_USER_INPUT)', async (field, over) => {
      const answer = await postOperation(t.url, FILE_COMPLAINT, { input: complaintInput(providerId, over) }, citizen);
      expect({ code: answer.code, field: answer.extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    });
  });

  it('stores text with NUL, bidi overrides and ANSI escapes clean', async () => {
    const r = await t.query(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { reasons demands applicant { postalAddress } } }`,
      {
        input: complaintInput(providerId, {
          reasons: '\u001b[31mАнықтама\u001b[0m\u0000 берілмеді.\r\nЕкінші жол',
          demands: 'Беруді \u202eталап\u202c етемін',
        }),
      },
      citizen,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.fileComplaint).toMatchObject({ reasons: 'Анықтама берілмеді.\nЕкінші жол', demands: 'Беруді талап етемін' });
    stored += 1;
  });

  it('still runs the gateway’s own plans at its limits: 12 levels and ~1,000 fields across three subgraphs', async () => {
    const wide = Array.from({ length: 490 }, (_, i) => `h${i}: handler { surname }`).join(' ');
    const deep = `handler { serviceProvider { administrativeUnit { ${'parent { '.repeat(7)}katoCode ${'} '.repeat(7)}} } }`;
    const r = await t.query(`query($id: ID!) { complaint(id: $id) { id ${deep} ${wide} } }`, { id: complaintId }, citizen);
    expect(r.errors).toBeUndefined();
    expect(r.data.complaint.h489.surname).toEqual(expect.any(String));
  });
});
