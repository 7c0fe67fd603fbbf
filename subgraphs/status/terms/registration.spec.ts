import { registrationMoment, registrationNumber } from './registration';
import { reviewDueOn, extensionLimit, courtDeadline } from './review-terms';
import { ReviewBodyKind } from '../../../contracts/enums';

describe('registration as of a working day (APPC Art. 63(2))', () => {
  it('keeps a registration made on a working day at its own instant', () => {
    const at = new Date('2025-10-24T06:00:00Z'); // Friday 11:00 in Astana
    expect(registrationMoment(at)).toEqual({ registeredOn: '2025-10-24', registeredAt: at });
  });

  it('moves a registration made on Saturday 25 October 2025 to the start of Tuesday 28 October (27th is a day off)', () => {
    const m = registrationMoment(new Date('2025-10-25T05:00:00Z'));
    expect(m.registeredOn).toBe('2025-10-28');
    expect(m.registeredAt.toISOString()).toBe('2025-10-27T19:00:00.000Z');
  });

  it('reads the day in Kazakhstan: 20:00 UTC on Friday is already Saturday there', () => {
    expect(registrationMoment(new Date('2025-10-24T20:00:00Z')).registeredOn).toBe('2025-10-28');
  });

  it("numbers a registration after the complaint's number and its timeline version", () => {
    expect(registrationNumber('Ш-2025-000042', 3)).toBe('Ш-2025-000042/Т3');
  });
});

describe('review terms from data (Law "On Public Services" Art. 25, APPC Arts. 76, 136)', () => {
  it('gives the provider head and the akim 5 working days and the authorised body 15', () => {
    expect(reviewDueOn('2025-10-20', ReviewBodyKind.SERVICE_PROVIDER)).toBe('2025-10-28');
    expect(reviewDueOn('2025-10-20', ReviewBodyKind.LOCAL_EXECUTIVE_BODY)).toBe('2025-10-28');
    expect(reviewDueOn('2025-10-20', ReviewBodyKind.QUALITY_CONTROL_BODY)).toBe('2025-11-11');
  });

  it('caps extensions at two months after the original due date and gives one month for the court', () => {
    expect(extensionLimit('2025-10-28', ReviewBodyKind.SERVICE_PROVIDER)).toBe('2025-12-28');
    expect(courtDeadline('2025-10-28')).toBe('2025-11-28'); // a Friday: a working day, not moved
  });
});
