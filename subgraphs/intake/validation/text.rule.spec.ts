import { optionalText, requiredText } from './text.rule';

describe('requiredText', () => {
  it('trims', () => expect(requiredText('  Выдать справку ', 'The demands', 100)).toEqual({ ok: true, value: 'Выдать справку' }));
  it('refuses blank, too short and too long', () => {
    expect(requiredText(' \n ', 'The demands', 100)).toEqual({ ok: false, message: 'The demands must not be empty' });
    expect(requiredText('abc', 'The address', 100, 5).ok).toBe(false);
    expect(requiredText('x'.repeat(101), 'The demands', 100)).toEqual({ ok: false, message: 'The demands is longer than 100 characters' });
    expect(requiredText('x'.repeat(100), 'The demands', 100).ok).toBe(true);
  });
});

describe('optionalText', () => {
  it('turns blank into null and limits length', () => {
    expect(optionalText('  ', 'x', 3)).toEqual({ ok: true, value: null });
    expect(optionalText(undefined, 'x', 3)).toEqual({ ok: true, value: null });
    expect(optionalText('abcd', 'x', 3).ok).toBe(false);
  });
});
