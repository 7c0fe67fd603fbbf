import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphBatcher } from './subgraph-batcher';

/** A loopback server that records each request's body and answers with `answer(body)`. */
async function server(answer: (body: any) => { status: number; body: unknown }) {
  const seen: { authorization?: string; body: any }[] = [];
  const s = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text);
      seen.push({ authorization: req.headers.authorization, body });
      const a = answer(body);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`;
  return { url, seen, close: () => new Promise((r) => s.close(r)) };
}

const echo = (body: any) => ({ status: 200, body: Array.isArray(body) ? body.map((op) => ({ data: { echo: op.query } })) : { data: { echo: body.query } } });

describe('SubgraphBatcher', () => {
  it('sends operations of one turn and one caller as one request, and hands each its own answer', async () => {
    const s = await server(echo);
    try {
      const b = new SubgraphBatcher(s.url, 5000);
      const answers = await Promise.all(['{ a }', '{ b }', '{ c }'].map((query) => b.send({ query }, 'Bearer x')));
      expect(answers.map((a) => a.body)).toEqual([{ data: { echo: '{ a }' } }, { data: { echo: '{ b }' } }, { data: { echo: '{ c }' } }]);
      expect(s.seen).toHaveLength(1);
      expect(s.seen[0].body).toHaveLength(3);
    } finally {
      await s.close();
    }
  });

  it('keeps callers apart: each Authorization gets its own request, and a lone operation is not wrapped', async () => {
    const s = await server(echo);
    try {
      const b = new SubgraphBatcher(s.url, 5000);
      await Promise.all([b.send({ query: '{ a }' }, 'Bearer one'), b.send({ query: '{ b }' }, 'Bearer two'), b.send({ query: '{ c }' }, 'Bearer two')]);
      const byCaller = Object.fromEntries(s.seen.map((r) => [r.authorization, r.body]));
      expect(byCaller['Bearer one']).toEqual({ query: '{ a }' });
      expect(byCaller['Bearer two']).toEqual([{ query: '{ b }' }, { query: '{ c }' }]);
    } finally {
      await s.close();
    }
  });

  it('hands a refusal of the whole batch to each operation, and rejects an answer that does not match the batch', async () => {
    const refusing = await server(() => ({ status: 400, body: { errors: [{ message: 'no batches here' }] } }));
    const short = await server(() => ({ status: 200, body: [{ data: {} }] }));
    try {
      const r = new SubgraphBatcher(refusing.url, 5000);
      const refused = await Promise.all([r.send({ query: '{ a }' }, undefined), r.send({ query: '{ b }' }, undefined)]);
      expect(refused.map((a) => a.status)).toEqual([400, 400]);
      const s = new SubgraphBatcher(short.url, 5000);
      const outcomes = await Promise.allSettled([s.send({ query: '{ a }' }, undefined), s.send({ query: '{ b }' }, undefined)]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await refusing.close();
      await short.close();
    }
  });
});
