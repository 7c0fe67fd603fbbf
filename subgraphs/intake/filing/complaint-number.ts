import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** Random bytes drawn from the CSPRNG in blocks: `randomBytes(6)` per number cost more than the rest of the filing's row. */
const pool = Buffer.alloc(3072);
let taken = pool.length;

/** Six random base-32 characters: one byte each, of which the low five bits are uniform (256 is a multiple of 32). */
function randomCode(length: number): string {
  if (taken + length > pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[pool[taken++] & 31];
  return s;
}

/** `Ш-20261124-7F3KQ2`: the filing date and a random code (unique index; a collision is retried). */
export function complaintNumber(filedOn: string): string {
  return `Ш-${filedOn.replaceAll('-', '')}-${randomCode(6)}`;
}

/** `Т-20261124-7F3KQ2`: the office talon's own number. */
export function talonNumber(filedOn: string): string {
  return `Т-${filedOn.replaceAll('-', '')}-${randomCode(6)}`;
}
