/**
 * The bench's own data: identifiers and a complaint a load generator files. Kept apart from test/factories so a
 * change to the test suite's fixtures cannot move a benchmark's figures.
 */
import { Addressee } from '../contracts/enums';
import { identificationCheckDigit } from '../contracts/check-digit';

let iinSerial = Math.floor(Math.random() * 280_000);
let binSerial = Math.floor(Math.random() * 50000);

/** A fresh valid IIN of a citizen born in January 1990, different on every call (about 250,000 before they repeat). */
export function validIin(): string {
  for (;;) {
    iinSerial = (iinSerial + 1) % 280_000;
    const day = String(1 + Math.floor(iinSerial / 10000)).padStart(2, '0');
    const first11 = `9001${day}3${String(iinSerial % 10000).padStart(4, '0')}`;
    const check = identificationCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

/** A fresh valid BIN (a resident head office registered in January 2024). */
export function validBin(): string {
  for (;;) {
    binSerial = (binSerial + 1) % 10000;
    const first11 = `2401400${String(binSerial).padStart(4, '0')}`;
    const check = identificationCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

/** A complete, valid `FileComplaintInput` for a provider. */
export function complaintInput(serviceProviderId: string) {
  return {
    addressee: Addressee.SERVICE_PROVIDER_HEAD,
    serviceProviderId,
    publicService: 'Адаптерлік мекенжай анықтамасы / Справка об адресной регистрации',
    applicant: {
      surname: 'Ахметова',
      name: 'Дина',
      patronymic: 'Маратқызы',
      postalAddress: 'Астана қ., Мәңгілік Ел д-лы, 8, 12 пәтер',
      phones: ['+77011234567'],
    },
    respondents: [{ position: 'ЦОН маманы / специалист ЦОН', surname: 'Серіков', name: 'Нұржан' }],
    reasons: 'Анықтама заңда белгіленген мерзімде берілмеді.',
    demands: 'Анықтаманы беруді және мерзімді бұзуды тексеруді талап етемін.',
    signature: 'ЭЦП: MIIB...test',
  };
}

/** Retries `check` until it stops throwing (an effect that crosses services asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
