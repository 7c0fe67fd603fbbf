import { cleanText, visibleLength } from './text';

describe('cleanText', () => {
  it.each([
    ['zero-width and BOM', '\u200b\u200c\u200d\ufeffА\u200bб', 'Аб'],
    ['bidi marks, overrides and isolates', '\u202eабв\u202c\u200f\u2066x\u2069', 'абвx'],
    ['NUL and other controls', 'a\u0000b\u0007c\u007f', 'abc'],
    ['ANSI escapes as a whole', '\u001b[31mred\u001b[0m \u001b]0;title\u0007ok', 'red ok'],
    ['blank letters', '\u3164\u2800x', 'x'],
    ['a lone surrogate', 'a\ud800b', 'ab'],
  ])('removes %s', (_what, raw, expected) => expect(cleanText(raw)).toBe(expected));

  it('normalises to NFC', () => expect(cleanText('е\u0308')).toBe('ё'));

  it('keeps newlines and tabs in multi-line text, folds them on one line', () => {
    expect(cleanText(' первое\r\nвторое\u2028\tтретье ', { multiline: true })).toBe('первое\nвторое\n\tтретье');
    expect(cleanText('улица\n  Абая\t1')).toBe('улица Абая 1');
  });
});

describe('visibleLength', () => {
  it('counts only what shows', () => {
    expect(visibleLength('')).toBe(0);
    expect(visibleLength(' \n\t')).toBe(0);
    expect(visibleLength('а б')).toBe(2);
    expect(visibleLength('е\u0308')).toBe(1);
    expect(visibleLength('\u200b\u200b')).toBe(0);
  });
});
