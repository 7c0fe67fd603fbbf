import { katoCode } from './kato-code.rule';

describe('katoCode', () => {
  it('accepts 9 digits', () => expect(katoCode(' 710000000 ')).toEqual({ ok: true, value: '710000000' }));
  it.each(['71000000', '7100000000', '71000000a', ''])('refuses %j', (raw) => expect(katoCode(raw).ok).toBe(false));
});
