import { DateScalar, DateTimeScalar } from './scalars';

describe('Date and DateTime scalars', () => {
  it.each([['2025-02-30'], ['yesterday'], ['2023-02-29']])('refuse %s as input', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(/calendar date/);
  });

  it('describe a refused value shortly, whatever its shape (a deeply nested list once overflowed the stack)', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => DateScalar.parseValue(deep)).toThrow('Date must be a calendar date YYYY-MM-DD, got a list');
    expect(() => DateScalar.parseValue('x'.repeat(10_000))).toThrow(/got "x{40}…"$/);
  });

  it('serialise valid dates', () => {
    expect(DateScalar.serialize('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.serialize(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });

  it.each([
    ['a date past year 9999', new Date(Date.UTC(10000, 0, 1))],
    ['an invalid Date', new Date(NaN)],
    ['a malformed string', '2025-02-30'],
  ])('answer %s they cannot write with BAD_USER_INPUT, not a raw error', (_what, value) => {
    expect(() => DateScalar.serialize(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });

  it('guards DateTime the same way', () => {
    expect(() => DateTimeScalar.serialize(new Date(NaN))).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    expect(DateTimeScalar.serialize(new Date('2026-11-24T05:00:00Z'))).toBe('2026-11-24T10:00:00.000+05:00');
  });
});
