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

const service = async () => 'service-token';

const echo = (body: any) => ({ status: 200, body: Array.isArray(body) ? body.map((op) => ({ data: { echo: op.query } })) : { data: { echo: body.query } } });

describe('SubgraphBatcher', () => {
  it('sends the operations of one turn as one request of the service, each naming its caller, and hands each its answer', async () => {
    const s = await server(echo);
    try {
      const b = new SubgraphBatcher(s.url, 5000, service);
      const answers = await Promise.all([b.send({ query: '{ a }' }, 'Bearer one'), b.send({ query: '{ b }' }, undefined), b.send({ query: '{ c }' }, 'Bearer two')]);
      expect(answers.map((a) => a.body)).toEqual([{ data: { echo: '{ a }' } }, { data: { echo: '{ b }' } }, { data: { echo: '{ c }' } }]);
      expect(s.seen).toEqual([
        {
          authorization: 'Bearer service-token',
          body: [
            { query: '{ a }', extensions: { authorization: 'Bearer one' } },
            { query: '{ b }', extensions: {} },
            { query: '{ c }', extensions: { authorization: 'Bearer two' } },
          ],
        },
      ]);
    } finally {
      await s.close();
    }
  });

  it('sends a lone operation as it is, with its caller\'s own Authorization', async () => {
    const s = await server(echo);
    try {
      const b = new SubgraphBatcher(s.url, 5000, service);
      await b.send({ query: '{ a }' }, 'Bearer one');
      expect(s.seen).toEqual([{ authorization: 'Bearer one', body: { query: '{ a }' } }]);
    } finally {
      await s.close();
    }
  });

  it('hands a refusal of the whole batch to each operation, and rejects an answer that does not match the batch', async () => {
    const refusing = await server(() => ({ status: 400, body: { errors: [{ message: 'no batches here' }] } }));
    const short = await server(() => ({ status: 200, body: [{ data: {} }] }));
    try {
      const r = new SubgraphBatcher(refusing.url, 5000, service);
      const refused = await Promise.all([r.send({ query: '{ a }' }, undefined), r.send({ query: '{ b }' }, undefined)]);
      expect(refused.map((a) => a.status)).toEqual([400, 400]);
      const s = new SubgraphBatcher(short.url, 5000, service);
      const outcomes = await Promise.allSettled([s.send({ query: '{ a }' }, undefined), s.send({ query: '{ b }' }, undefined)]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await refusing.close();
      await short.close();
    }
  });
});
