import { iinCheckDigit } from '../../contracts/iin';

let serial = Math.floor(Math.random() * 5000);

/** A fresh valid IIN (born 1990-01-01 by default), different on every call. */
export function validIin(birth = '900101', centuryDigit = 3): string {
  for (;;) {
    serial = (serial + 1) % 10000;
    const first11 = `${birth}${centuryDigit}${String(serial).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}
