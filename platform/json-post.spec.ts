import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMutation, postJson } from './json-post';

/** Answers the first request on each connection; runs the second, then drops the connection without an answer. */
async function crashingOnReuse() {
  const ran: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      ran.push(JSON.parse(body).n);
      const socket = req.socket as typeof req.socket & { served?: number };
      socket.served = (socket.served ?? 0) + 1;
      if (socket.served > 1) return socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, ran, close: () => new Promise((r) => server.close(r)) };
}

describe('postJson', () => {
  it('resends once on a failed reused socket only when told the request is idempotent', async () => {
    const s = await crashingOnReuse();
    try {
      await postJson(s.url, { n: 'warm' });
      await expect(postJson(s.url, { n: 'mutation' })).rejects.toThrow();
      expect(s.ran).toEqual(['warm', 'mutation']); // ran once, not repeated

      await postJson(s.url, { n: 'warm again' });
      expect(await postJson(s.url, { n: 'query' }, {}, { idempotent: true })).toMatchObject({ status: 200, body: { ok: true } });
      expect(s.ran).toEqual(['warm', 'mutation', 'warm again', 'query', 'query']);
    } finally {
      await s.close();
    }
  });

  it('tells mutations from queries by the first keyword', () => {
    expect(isMutation('  mutation File($i: X) { f }')).toBe(true);
    expect(isMutation('query { mutationLog }')).toBe(false);
    expect(isMutation('{ a }')).toBe(false);
  });
});
