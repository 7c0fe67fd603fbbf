import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { limitParseOptions, queryLimitsRule, subgraphQueryLimits } from './query-limits';

const schema = buildSchema(`type Query { a: A, n: Int } type A { a: A, n: Int }`);
const limits = { maxDepth: 5, maxFields: 50, maxTokens: 2000 };
const check = (query: string) => validate(schema, parse(query, limitParseOptions(limits)), [...specifiedRules, queryLimitsRule(limits)]);

/** `levels` fragments, each spreading the next twice: 2^levels copies of the last one when expanded. */
function fragmentBomb(levels: number): string {
  let text = '{ ...F0 }\n';
  for (let i = 0; i < levels; i++) text += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `${text}fragment F${levels} on Query { n }`;
}

describe('queryLimitsRule', () => {
  it('counts depth and fields as before', () => {
    expect(check('{ a { a { a { a { n } } } } }')).toEqual([]);
    expect(check('{ a { a { a { a { a { n } } } } } }')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/6 levels deep; the limit is 5/), extensions: expect.objectContaining({ limit: 'depth' }) }),
    ]);
    const wide = `{ ${Array.from({ length: 51 }, (_, i) => `n${i}: n`).join(' ')} }`;
    expect(check(wide)[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields', max: 50 });
  });

  it('counts fields inside fragments at every spread, with depth relative to the spread', () => {
    expect(check('{ a { ...D } } fragment D on A { a { a { a { n } } } }')).toEqual([]);
    expect(check('{ a { a { ...D } } } fragment D on A { a { a { a { n } } } }')[0]?.extensions).toMatchObject({ limit: 'depth' });
    expect(check(`{ ...W ...W } fragment W on Query { ${Array.from({ length: 26 }, (_, i) => `n${i}: n`).join(' ')} }`)[0]?.extensions).toMatchObject({ limit: 'fields' });
  });

  it('refuses an exponential fragment expansion by its expanded size, measuring each fragment once', () => {
    // 2^60 fields when expanded: the old rule walked every copy and never finished.
    const errors = check(fragmentBomb(60));
    expect(errors.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ limit: 'fields' }));
  });

  it('refuses one response name selected more than 50 times in a selection set, inline fragments included', () => {
    const rules = [queryLimitsRule({ maxDepth: 5, maxFields: 1000 })];
    const run = (query: string) => validate(schema, parse(query), rules);
    expect(run(`{ ${'n '.repeat(50)}}`)).toEqual([]);
    expect(run(`{ ${'n '.repeat(51)}}`)[0]?.extensions).toMatchObject({ limit: 'repeats', max: 50 });
    expect(run(`{ a { ${'... on A { x: n } '.repeat(51)}} }`)[0]?.extensions).toMatchObject({ limit: 'repeats' });
    expect(run(`{ ${Array.from({ length: 200 }, (_, i) => `n${i}: n`).join(' ')} }`)).toEqual([]);
  });

  it('lets the parser refuse a document past the token limit before any validation', () => {
    const many = `{ ${'n '.repeat(2500)}}`;
    expect(() => parse(many, limitParseOptions(limits))).toThrow(/more that 2000 tokens/);
  });

  it('gives subgraphs room for the planner’s additions', () => {
    expect(subgraphQueryLimits({ maxDepth: 12, maxFields: 1000, maxTokens: 5000 })).toEqual({ maxDepth: 14, maxFields: 3000, maxTokens: 30000 });
  });
});
