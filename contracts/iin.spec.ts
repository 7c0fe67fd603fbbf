import { iinCheckDigit, iinProblem, isValidIin } from './iin';

describe('IIN', () => {
  it('accepts a number whose check digit comes from the first weights', () => {
    // 1·9+2·0+3·0+4·1+5·0+6·1+7·3+8·0+9·0+10·0+11·2 = 62; 62 mod 11 = 7
    expect(iinCheckDigit('90010130002')).toBe(7);
    expect(isValidIin('900101300027')).toBe(true);
    expect(iinProblem('900101300028')).toBe('checkDigit');
  });

  it('falls back to the second weights when the first sum gives 10', () => {
    const first11 = findWithFirstSumTen();
    const digit = iinCheckDigit(first11);
    expect(digit).not.toBeNull();
    expect(isValidIin(`${first11}${digit}`)).toBe(true);
  });

  it('declares a number invalid when both sums give 10', () => {
    const first11 = findWithBothSumsTen();
    expect(iinCheckDigit(first11)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`${first11}${d}`)).toBe(false);
  });

  it('rejects wrong length, letters, century digit and impossible birth dates', () => {
    expect(iinProblem('90010130002')).toBe('format');
    expect(iinProblem('90010130002a')).toBe('format');
    expect(iinProblem('900101700027')).toBe('century');
    expect(iinProblem('900230300027')).toBe('birthDate');
  });
});

function sum(s: string, w: number[]) {
  return [...s].reduce((a, d, i) => a + Number(d) * w[i], 0) % 11;
}
function candidates(): string[] {
  const out: string[] = [];
  for (let serial = 0; serial < 10000; serial++) out.push(`8505153${String(serial).padStart(4, '0')}`);
  return out;
}
function findWithFirstSumTen(): string {
  return candidates().find((c) => sum(c, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) === 10 && sum(c, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) !== 10)!;
}
function findWithBothSumsTen(): string {
  return candidates().find((c) => sum(c, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) === 10 && sum(c, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) === 10)!;
}
