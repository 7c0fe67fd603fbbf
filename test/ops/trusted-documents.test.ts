import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TrustedDocuments } from '../../gateway/trusted-documents';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

const TYPENAME = 'query Typename { __typename }';
const CALENDAR = 'query Me { __typename }';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-trusted-'));
  const file = path.join(dir, 'persisted-query-manifest.json');
  let t: TestSystem;
  beforeAll(async () => {
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [TYPENAME, CALENDAR].map((body) => ({ id: sha256(body), name: 'x', type: 'query', body })),
      }),
    );
    t = await startTestSystem({ TRUSTED_DOCUMENTS: file });
  });
  afterAll(async () => {
    await t?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = async (body: unknown) => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, ...((await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }) };
  };

  it('runs a trusted document sent in full or by its hash alone', async () => {
    expect(await post({ query: TYPENAME })).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(CALENDAR) } } });
    expect(byHash).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('refuses any other document, and an unknown hash, over HTTP', async () => {
    const other = await post({ query: '{ __typename }' });
    expect(other.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    expect(other.status).toBe(400);
    expect(other.data).toBeUndefined();
    // An untrusted document is never parsed or validated: its errors cannot describe the schema.
    const invalid = await post({ query: '{ noSuchField }' });
    expect(invalid.errors).toEqual([{ message: expect.any(String), extensions: { code: 'OPERATION_NOT_TRUSTED' } }]);
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ x }') } } });
    expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses other documents over WebSocket too, and runs trusted ones', async () => {
    const client = wsClient(t.url);
    try {
      const refused = collect(client, 'subscription { statusMarkAdded { cursor } }');
      await refused.ended();
      expect((refused.error as { extensions: { code: string } }[])[0].extensions.code).toBe('OPERATION_NOT_TRUSTED');
      const trusted = collect(client, TYPENAME);
      await trusted.next(1);
      expect(trusted.results[0]).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await client.dispose();
    }
  });

  it('refuses to start on a manifest whose ids are not the hashes of their documents', () => {
    expect(() => TrustedDocuments.fromManifest({ [sha256('{ a }')]: '{ b }' })).toThrow(/not the sha256/);
    expect(TrustedDocuments.fromManifest({ [`sha256:${sha256('{ a }')}`]: '{ a }' }).size).toBe(1);
  });
});
