import { citizen, fileComplaint, providerWithStaff } from '../factories/complaint.factory';
import { startTestSystem, type TestSystem } from '../support/harness';

const PAGE = `query($f: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id submittedAt } }
  }
}`;
const MINE = `query($first: Int, $after: String) {
  myComplaints(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;

describe('cursor pagination', () => {
  let t: TestSystem;
  let admin: string;
  let providerId: string;
  let filer: { token: string };
  let original: string[];
  beforeAll(async () => {
    t = await startTestSystem();
    admin = await t.token('admin');
    providerId = (await providerWithStaff(t)).provider.id;
    filer = await citizen(t);
    // Some filed concurrently, so several may share a millisecond: the id breaks ties.
    await Promise.all(Array.from({ length: 12 }, () => fileComplaint(t, filer.token, providerId)));
    for (let i = 0; i < 11; i++) await fileComplaint(t, filer.token, providerId);
    original = (await pageOf(100)).edges.map((e: any) => e.node.id);
  });
  afterAll(() => t?.stop());

  async function pageOf(first: number | null, after?: string | null) {
    const r = await t.query(PAGE, { f: { serviceProviderId: providerId }, first, after }, admin);
    expect(r.errors).toBeUndefined();
    return r.data.complaints;
  }

  it('orders newest first with a stable tie-break, and counts everything', async () => {
    const all = await pageOf(100);
    expect(all.totalCount).toBe(23);
    expect(all.edges).toHaveLength(23);
    const times = all.edges.map((e: any) => Date.parse(e.node.submittedAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(all.pageInfo).toEqual({ hasNextPage: false, endCursor: all.edges[22].cursor });
  });

  it('pages without duplicates or gaps while new complaints are filed in between', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await pageOf(5, after);
      seen.push(...page.edges.map((e: any) => e.node.id));
      pages++;
      await fileComplaint(t, filer.token, providerId); // a newer complaint lands before the cursor
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(original);
  });

  it('caps first at 100, defaults to 20, and refuses a negative first and a bad cursor', async () => {
    for (let i = 0; i < 80; i++) await fileComplaint(t, filer.token, providerId);
    expect((await pageOf(1000)).edges).toHaveLength(100);
    expect((await pageOf(null)).edges).toHaveLength(20);
    const empty = await pageOf(0);
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo.hasNextPage).toBe(true);
    const negative = await t.query(PAGE, { first: -1 }, admin);
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const after of ['nonsense', Buffer.from('c1:12:; DROP TABLE complaint').toString('base64url')]) {
      const bad = await t.query(PAGE, { first: 5, after }, admin);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('pages myComplaints the same way', async () => {
    const me = await citizen(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.unshift((await fileComplaint(t, me.token, providerId)).id);
    const first = (await t.query(MINE, { first: 2 }, me.token)).data.myComplaints;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.query(MINE, { first: 2, after: first.pageInfo.endCursor }, me.token)).data.myComplaints;
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(ids);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
