import { EventQueue } from './event-queue';

const result = (n: number) => ({ data: { n } });

describe('EventQueue', () => {
  it('delivers in order, waits for the next push, and ends after draining', async () => {
    let closed = 0;
    const q = new EventQueue({ capacity: 10, overflowResult: () => ({ errors: [] }), onClose: () => void closed++ });
    q.push(result(1));
    q.push(result(2));
    expect(await q.next()).toEqual({ value: result(1), done: false });
    expect(await q.next()).toEqual({ value: result(2), done: false });
    const pending = q.next();
    q.push(result(3));
    expect(await pending).toEqual({ value: result(3), done: false });
    q.push(result(4));
    q.end();
    expect(await q.next()).toEqual({ value: result(4), done: false });
    expect(await q.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBeGreaterThan(0);
  });

  it('returns at once while a next() is pending (the client left), closing the upstream', async () => {
    let closed = false;
    const q = new EventQueue({ capacity: 10, overflowResult: () => ({ errors: [] }), onClose: () => (closed = true) });
    const pending = q.next();
    await expect(q.return()).resolves.toEqual({ value: undefined, done: true });
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(closed).toBe(true);
    q.push(result(1));
    await expect(q.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('replaces the backlog with the overflow result and ends when the client falls behind', async () => {
    const overflow = { errors: [{ message: 'overflow' }] } as never;
    const q = new EventQueue({ capacity: 2, overflowResult: () => overflow, onClose: () => undefined });
    q.push(result(1));
    q.push(result(2));
    q.push(result(3));
    expect(await q.next()).toEqual({ value: overflow, done: false });
    expect(await q.next()).toEqual({ value: undefined, done: true });
  });
});
