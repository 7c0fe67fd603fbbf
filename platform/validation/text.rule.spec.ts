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

describe('requiredText with invisible content', () => {
  it('refuses text made only of zero-width, bidi or control characters as empty', () => {
    for (const raw of ['\u200b\u200b\u200b', '\u202e\u200f\u2066', '\u0000\u001b[31m\u0007']) {
      expect(requiredText(raw, 'The reasons', 100)).toEqual({ ok: false, message: 'The reasons must not be empty' });
    }
  });
  it('counts only visible characters towards the minimum, and stores the text clean', () => {
    expect(requiredText('аб\u200b\u200b\u200b', 'The address', 100, 5).ok).toBe(false);
    expect(requiredText('\u202eАбая\u0000 1\u001b[0m', 'The address', 100, 5)).toEqual({ ok: true, value: 'Абая 1' });
    expect(requiredText('первое\r\nвторое', 'The reasons', 100, 1, { multiline: true })).toEqual({ ok: true, value: 'первое\nвторое' });
  });
});

describe('optionalText', () => {
  it('turns blank into null and limits length', () => {
    expect(optionalText('  ', 'x', 3)).toEqual({ ok: true, value: null });
    expect(optionalText(undefined, 'x', 3)).toEqual({ ok: true, value: null });
    expect(optionalText('abcd', 'x', 3).ok).toBe(false);
  });
});
