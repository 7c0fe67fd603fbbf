import { idempotencyKey } from './idempotency-key.rule';

describe('idempotencyKey', () => {
  it('is optional', () => expect(idempotencyKey(undefined)).toEqual({ ok: true, value: null }));
  it('accepts a UUID', () => {
    const key = '6f1c2a36-3c33-4d55-9a38-8a1f0c1d2e3f';
    expect(idempotencyKey(key)).toEqual({ ok: true, value: key });
  });
  it.each(['', 'short', 'k'.repeat(101)])('refuses %j', (raw) => expect(idempotencyKey(raw).ok).toBe(false));
});
