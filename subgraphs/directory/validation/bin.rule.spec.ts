import { bin, binCheckDigit, binProblem, isValidBin } from './bin.rule';

describe('BIN validation', () => {
  it.each(['020240001236', '150340004568', '170241000779', '201140003110'])('accepts %s', (bin) => {
    expect(binProblem(bin)).toBeNull();
    expect(isValidBin(bin)).toBe(true);
  });

  it.each([
    ['02024000123', 'format'],
    ['02024000123a', 'format'],
    ['0202400012366', 'format'],
    ['021340001236', 'month'],
    ['020040001236', 'month'],
    ['020230001236', 'type'],
    ['020270001236', 'type'],
    ['020244001236', 'unit'],
    ['020240001234', 'checkDigit'],
  ])('rejects %s (%s)', (bin, problem) => {
    expect(binProblem(bin)).toBe(problem);
  });

  it('computes the check digit with the first weights 1..11', () => {
    // 0·1+2·2+0·3+2·4+4·5+0·6+0·7+0·8+1·9+2·10+3·11 = 94; 94 mod 11 = 6
    expect(binCheckDigit('02024000123')).toBe(6);
  });

  it('falls back to the second weights when the first sum gives 10, and has no digit when both do', () => {
    const candidates = Array.from({ length: 100000 }, (_, i) => `201140${String(i).padStart(5, '0')}`);
    const first10 = (s: string) => [...s].reduce((acc, d, i) => acc + Number(d) * (i + 1), 0) % 11 === 10;
    const second = (s: string) => [...s].reduce((acc, d, i) => acc + Number(d) * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i], 0) % 11;
    const viaSecond = candidates.find((s) => first10(s) && second(s) !== 10)!;
    const none = candidates.find((s) => first10(s) && second(s) === 10)!;
    expect(binCheckDigit(viaSecond)).toBe(second(viaSecond));
    expect(binCheckDigit(none)).toBeNull();
    expect(binProblem(`${none}0`)).toBe('checkDigit');
  });
});

describe('bin rule', () => {
  it('passes a valid BIN through and names the problem of a wrong one', () => {
    expect(bin('020240001236')).toEqual({ ok: true, value: '020240001236' });
    expect(bin('020240001234')).toEqual({ ok: false, message: 'The BIN check digit does not match' });
  });
});
