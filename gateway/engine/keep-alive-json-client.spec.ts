import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeepAliveJsonClient } from './keep-alive-json-client';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string, served: number) => void;

/** A real server on a loopback port; `served` counts requests per connection, `connections` the connections. */
async function server(handler: Handler) {
  let connections = 0;
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const socket = req.socket as typeof req.socket & { served?: number };
      socket.served = (socket.served ?? 0) + 1;
      handler(req, res, body, socket.served);
    });
  });
  s.on('connection', () => connections++);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = new URL(`http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`);
  return {
    client: new KeepAliveJsonClient(url),
    connections: () => connections,
    close: () => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    },
  };
}

const json = (res: http.ServerResponse, value: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
};

describe('KeepAliveJsonClient', () => {
  it('posts JSON with its headers and reads the answer, reusing one kept-alive socket', async () => {
    const s = await server((req, res, body) => json(res, { got: JSON.parse(body), auth: req.headers.authorization, path: req.url, type: req.headers['content-type'] }));
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await s.client.post(JSON.stringify({ n: i, text: 'Қазақ тілі' }), { authorization: 'Bearer x' }, 5000, true);
        expect(answer).toEqual({ status: 200, body: { got: { n: i, text: 'Қазақ тілі' }, auth: 'Bearer x', path: '/graphql', type: 'application/json' } });
      }
      expect(s.connections()).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('reads chunked answers in any pieces, and answers that end with the connection', async () => {
    const s = await server((_req, res, body) => {
      if (body === '"close"') {
        res.socket!.write('HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"down":');
        setTimeout(() => res.socket!.end('true}'), 20);
        return;
      }
      res.writeHead(400, { 'content-type': 'application/json' });
      res.write('{"errors":[');
      setTimeout(() => res.end('{"message":"no"}]}'), 20);
    });
    try {
      expect(await s.client.post('"chunked"', {}, 5000, true)).toEqual({ status: 400, body: { errors: [{ message: 'no' }] } });
      expect(await s.client.post('"chunked"', {}, 5000, true)).toEqual({ status: 400, body: { errors: [{ message: 'no' }] } });
      expect(s.connections()).toBe(1);
      expect(await s.client.post('"close"', {}, 5000, true)).toEqual({ status: 503, body: { down: true } });
      expect(await s.client.post('"chunked"', {}, 5000, true)).toMatchObject({ status: 400 });
      expect(s.connections()).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('reaches an IPv6 literal address', async () => {
    const s = http.createServer((_req, res) => json(res, { ok: true }));
    await new Promise<void>((r) => s.listen(0, '::1', r));
    try {
      const client = new KeepAliveJsonClient(new URL(`http://[::1]:${(s.address() as AddressInfo).port}/graphql`));
      expect(await client.post('{}', {}, 5000, true)).toEqual({ status: 200, body: { ok: true } });
    } finally {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  it('opens a new socket after an answer with Connection: close', async () => {
    const s = await server((_req, res) => json(res, { ok: true }, { connection: 'close' }));
    try {
      await s.client.post('{}', {}, 5000, true);
      await s.client.post('{}', {}, 5000, true);
      expect(s.connections()).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('resends once on a reused socket found closed, only when told the request is idempotent', async () => {
    const ran: string[] = [];
    const s = await server((req, res, body, served) => {
      ran.push(JSON.parse(body).n);
      if (served > 1) return req.socket.destroy();
      json(res, { ok: true });
    });
    try {
      await s.client.post('{"n":"warm"}', {}, 5000, false);
      await expect(s.client.post('{"n":"mutation"}', {}, 5000, false)).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(ran).toEqual(['warm', 'mutation']);
      await s.client.post('{"n":"warm again"}', {}, 5000, false);
      expect(await s.client.post('{"n":"query"}', {}, 5000, true)).toEqual({ status: 200, body: { ok: true } });
      expect(ran).toEqual(['warm', 'mutation', 'warm again', 'query', 'query']);
    } finally {
      await s.close();
    }
  });

  it('fails as node:http does: a refused connection, a timeout, a body that is not JSON, a header with a line break', async () => {
    const refused = new KeepAliveJsonClient(new URL('http://127.0.0.1:9/graphql'));
    await expect(refused.post('{}', {}, 5000, true)).rejects.toMatchObject({ code: 'ECONNREFUSED', message: expect.stringMatching(/connect ECONNREFUSED/) });

    const s = await server((_req, res, body) => {
      if (body === '"slow"') return; // never answers
      res.writeHead(200, { 'content-type': 'text/plain' }).end('not json');
    });
    try {
      await expect(s.client.post('"slow"', {}, 100, true)).rejects.toThrow('no answer within 100 ms');
      await expect(s.client.post('"text"', {}, 5000, true)).rejects.toThrow(/body that is not JSON/);
      await expect(s.client.post('{}', { authorization: 'Bearer a\r\nx-evil: 1' }, 5000, true)).rejects.toThrow(/Invalid character/);
    } finally {
      await s.close();
    }
  });

  it('keeps at most 256 sockets to an origin, the rest of the requests waiting their turn', async () => {
    const s = await server((_req, res) => setTimeout(() => json(res, { ok: true }), 5));
    try {
      const answers = await Promise.all(Array.from({ length: 300 }, () => s.client.post('{}', {}, 10_000, true)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(s.connections()).toBeLessThanOrEqual(256);
    } finally {
      await s.close();
    }
  });
});
