import { applicantIin } from './iin.rule';

describe('applicantIin', () => {
  it('accepts a valid IIN', () => expect(applicantIin('900101300027')).toEqual({ ok: true, value: '900101300027' }));
  it.each([
    ['90010130002', '12 digits'],
    ['900101700027', '7th digit'],
    ['901301300027', 'birth date'],
    ['900101300028', 'check digit'],
  ])('explains why %s is wrong', (iin, message) => {
    const r = applicantIin(iin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
