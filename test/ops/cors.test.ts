import WebSocket from 'ws';
import { loadConfig } from '../../platform/config';
import { startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

const APP = 'https://app.example.kz';
const OTHER = 'https://evil.example.com';

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });
}

/** Opens a WebSocket to the gateway as a browser on `origin` would; resolves with the upgrade's answer. */
function upgrade(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { origin });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

describe('CORS_ORIGINS', () => {
  it('allows any origin in development when unset, none in production when unset, and parses a list', () => {
    expect(loadConfig({}).cors.origins).toBe('*');
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) }).cors.origins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' https://a.kz, https://b.kz/ ' }).cors.origins).toEqual(['https://a.kz', 'https://b.kz']);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40), CORS_ORIGINS: '*' }).cors.origins).toBe('*');
  });
});

describe('CORS at the gateway', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ CORS_ORIGINS: APP });
  });
  afterAll(() => t.stop());

  it('answers the preflight of an allowed origin with 204 and what Apollo Client and urql need', async () => {
    const res = await preflight(t.url, APP);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')!.toLowerCase().split(/\s*,\s*/)).toEqual(
      expect.arrayContaining(['content-type', 'authorization']),
    );
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('refuses the preflight of another origin, and gives its requests no CORS headers', async () => {
    const res = await preflight(t.url, OTHER);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(t.url, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks the answer to an allowed origin readable, with credentials', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('checks Origin on the WebSocket upgrade the same way', async () => {
    expect(await upgrade(t.url, OTHER)).toBe(403);
    expect(await upgrade(t.url, APP)).toBe(101);
    // A client that is not a browser page sends no Origin and is not concerned by CORS.
    const client = wsClient(t.url);
    const sub = collect(client, '{ __typename }');
    await sub.next(1);
    expect(sub.results[0]).toEqual({ data: { __typename: 'Query' } });
    await client.dispose();
  });
});
