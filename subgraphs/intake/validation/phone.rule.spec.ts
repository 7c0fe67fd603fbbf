import { phoneNumber } from './phone.rule';

describe('phoneNumber', () => {
  it.each(['+77011234567', '87011234567', '77011234567', '7011234567', '+7 (701) 123-45-67', '8 701 123 45 67', '8(7172)12.34.56'])(
    'normalises %s',
    (raw) => expect(phoneNumber(raw).ok && phoneNumber(raw)).toMatchObject({ value: expect.stringMatching(/^\+7\d{10}$/) }),
  );

  it('keeps the subscriber digits', () => {
    expect(phoneNumber('8 (701) 123-45-67')).toEqual({ ok: true, value: '+77011234567' });
    expect(phoneNumber('8(7172)12.34.56')).toEqual({ ok: true, value: '+77172123456' });
  });

  it.each(['', '12345', '+1 202 555 0101', '+770112345678', '9701123456a', '+8 701 123 45 67'])('refuses %j', (raw) => {
    expect(phoneNumber(raw).ok).toBe(false);
  });
});
