import fs from 'node:fs';
import path from 'node:path';
import { OperationErrors, SupergraphPlanner } from './supergraph-planner';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

describe('SupergraphPlanner', () => {
  it('bounds its plan cache by bytes, however large the operations', () => {
    const maxBytes = 500_000;
    const planner = new SupergraphPlanner(sdl, { cacheMaxBytes: maxBytes });
    // Operations of ~10 kB each (an alias list); a cache bounded by count (500) would keep all of them.
    const op = (n: number) => `query Q${n} { ${Array.from({ length: 200 }, (_, i) => `a${n}_${i}: isWorkingDay(date: "2025-01-0${1 + (i % 9)}")`).join(' ')} }`;
    const first = planner.plan(op(0));
    expect(planner.plan(op(0))).toBe(first); // cached
    for (let n = 1; n < 30; n++) planner.plan(op(n));
    expect(planner.cachedBytes).toBeGreaterThan(0);
    expect(planner.cachedBytes).toBeLessThanOrEqual(maxBytes);
    expect(planner.plan(op(0))).not.toBe(first); // evicted, planned again
  });

  it('answers an unknown operationName with OPERATION_RESOLUTION_FAILURE', () => {
    const planner = new SupergraphPlanner(sdl);
    expect(() => planner.plan('query A { contactCenter { phones } }', 'B')).toThrow(OperationErrors);
    try {
      planner.plan('query A { contactCenter { phones } }', 'B');
    } catch (err) {
      expect((err as OperationErrors).errors[0].extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
    }
  });
});
