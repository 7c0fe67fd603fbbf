/**
 * The check digit of Kazakhstan's 12-digit identification numbers, IIN and BIN alike (shared/domain.md,
 * Identifiers): Σ dᵢ·i (i = 1..11) mod 11; if that is 10, Σ dᵢ·wᵢ with w = 3,4,5,6,7,8,9,10,11,1,2 mod 11; if 10
 * again no digit fits and the number is invalid.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first 11 digits, or null when no digit is possible. */
export function identificationCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * weights[i], 0) % 11;
  const first = sum(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = sum(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}
