import { GroupCommit } from './group-commit';

class Clash extends Error {}

/** A committer that records its batches and holds each commit until released. */
function recorder(fail: (items: number[]) => Error | null = () => null) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const commit = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((r) => gates.push(r));
    const err = fail(items);
    if (err) throw err;
  };
  const releaseAll = async () => {
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { batches, commit, releaseAll };
}

describe('GroupCommit', () => {
  it('commits a lone write at once, and the writes that arrive meanwhile together in the next transaction', async () => {
    const r = recorder();
    const group = new GroupCommit<number>(r.commit, (e) => e instanceof Clash);
    const first = group.submit(1);
    const rest = [2, 3, 4].map((n) => group.submit(n));
    expect(r.batches).toEqual([[1]]);
    await r.releaseAll();
    await Promise.all([first, ...rest]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a batch at maxBatch writes', async () => {
    const r = recorder();
    const group = new GroupCommit<number>(r.commit, () => false, 2);
    const all = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    await r.releaseAll();
    await Promise.all(all);
    expect(r.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('retries each write alone after a clash one write caused, so only that write fails', async () => {
    const r = recorder((items) => (items.includes(3) ? new Clash('duplicate') : null));
    const group = new GroupCommit<number>(r.commit, (e) => e instanceof Clash);
    const outcomes = [1, 2, 3, 4].map((n) => group.submit(n).then(() => 'ok', (e: Error) => e.message));
    await r.releaseAll();
    expect(await Promise.all(outcomes)).toEqual(['ok', 'ok', 'duplicate', 'ok']);
    expect(r.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('fails the whole batch, without retrying, on an error that may have left the commit unknown', async () => {
    const r = recorder((items) => (items.length > 1 ? new Error('connection lost') : null));
    const group = new GroupCommit<number>(r.commit, (e) => e instanceof Clash);
    const outcomes = [1, 2, 3].map((n) => group.submit(n).then(() => 'ok', (e: Error) => e.message));
    await r.releaseAll();
    expect(await Promise.all(outcomes)).toEqual(['ok', 'connection lost', 'connection lost']);
    expect(r.batches).toEqual([[1], [2, 3]]);
  });
});
