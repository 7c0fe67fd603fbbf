import { AsyncQueue } from './async-queue';
import { InProcessPubSub } from './in-process-pubsub';

describe('in-process pub/sub', () => {
  it('delivers a published message to every subscriber of the channel, as a copy, until unsubscribed', async () => {
    const ps = new InProcessPubSub();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = await ps.subscribe('c', (m) => a.push(m));
    await ps.subscribe('c', (m) => b.push(m));
    await ps.subscribe('other', () => a.push('wrong channel'));
    const message = { n: 1 };
    await ps.publish('c', message);
    await offA();
    await ps.publish('c', { n: 2 });
    expect(a).toEqual([{ n: 1 }]);
    expect(a[0]).not.toBe(message);
    expect(b).toEqual([{ n: 1 }, { n: 2 }]);
    await ps.close();
  });
});

describe('AsyncQueue', () => {
  it('yields pushed items in order and ends a waiting consumer on return()', async () => {
    let closed = 0;
    const q = new AsyncQueue<number>(() => {
      closed++;
    });
    q.push(1);
    q.push(2);
    expect(await q.next()).toEqual({ value: 1, done: false });
    expect(await q.next()).toEqual({ value: 2, done: false });
    const waiting = q.next();
    await q.return();
    await q.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    q.push(3);
    expect(await q.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
