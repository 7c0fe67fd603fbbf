import { ReadCache } from './read-cache';

describe('ReadCache', () => {
  let clock = 0;
  const cache = (over: { ttlMs?: number; maxEntries?: number } = {}) =>
    new ReadCache({ ttlMs: 1000, now: () => clock, ...over });
  beforeEach(() => {
    clock = 0;
  });

  it('serves a stored value without reading again', async () => {
    const c = cache();
    const read = jest.fn(async () => 'v');
    expect(await c.getOrRead('k', read)).toBe('v');
    expect(await c.getOrRead('k', read)).toBe('v');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('drops every entry when invalidated', async () => {
    const c = cache();
    await c.getOrRead('a', async () => 1);
    await c.getOrRead('b', async () => 2);
    const before = c.generation;
    c.invalidate();
    expect(c.generation).toBe(before + 1);
    expect([c.get('a'), c.get('b'), c.size]).toEqual([undefined, undefined, 0]);
    expect(await c.getOrRead('a', async () => 10)).toBe(10);
  });

  it('does not store a read that an invalidation overtook', async () => {
    const c = cache();
    let finish!: (v: string) => void;
    const pending = c.getOrRead('k', () => new Promise<string>((r) => (finish = r)));
    c.invalidate(); // a write committed while the read was running
    finish('old rows');
    expect(await pending).toBe('old rows'); // the caller still gets its answer
    expect(c.get('k')).toBeUndefined();
    expect(await c.getOrRead('k', async () => 'new rows')).toBe('new rows');
    expect(c.get('k')).toBe('new rows');
  });

  it('refuses a set under an older generation', () => {
    const c = cache();
    const g = c.generation;
    c.invalidate();
    c.set('k', 'stale', g);
    expect(c.get('k')).toBeUndefined();
    c.set('k', 'fresh', c.generation);
    expect(c.get('k')).toBe('fresh');
  });

  it('expires entries after the TTL', async () => {
    const c = cache({ ttlMs: 1000 });
    await c.getOrRead('k', async () => 'first');
    clock = 999;
    expect(c.get('k')).toBe('first');
    clock = 1000;
    expect(c.get('k')).toBeUndefined();
    expect(await c.getOrRead('k', async () => 'second')).toBe('second');
  });

  it('stores nothing when the TTL is 0', async () => {
    const c = cache({ ttlMs: 0 });
    const read = jest.fn(async () => 'v');
    await c.getOrRead('k', read);
    await c.getOrRead('k', read);
    expect(read).toHaveBeenCalledTimes(2);
    expect(c.size).toBe(0);
  });

  it('does not cache a read that throws', async () => {
    const c = cache();
    const read = jest.fn(async () => {
      throw new Error('NOT_FOUND');
    });
    await expect(c.getOrRead('k', read)).rejects.toThrow('NOT_FOUND');
    await expect(c.getOrRead('k', read)).rejects.toThrow('NOT_FOUND');
    expect(read).toHaveBeenCalledTimes(2);
    expect(c.size).toBe(0);
  });

  it('keeps at most maxEntries, evicting the oldest', () => {
    const c = cache({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) c.set(k, k, c.generation);
    expect(c.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((k) => c.get(k))).toEqual([undefined, 'b', 'c', 'd']);
    c.set('b', 'b2', c.generation); // rewriting makes it the newest
    c.set('e', 'e', c.generation);
    expect(['b', 'c', 'd', 'e'].map((k) => c.get(k))).toEqual(['b2', undefined, 'd', 'e']);
  });
});
