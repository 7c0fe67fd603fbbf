import { SignJWT } from 'jose';
import { requireRole, TokenService } from './auth';

const tokens = new TokenService('unit-test-secret');

describe('TokenService', () => {
  it('verifies a token it minted and returns its claims', async () => {
    const t = await tokens.mint({ sub: 'u1', role: 'citizen', iin: '900101300027' });
    const p = await tokens.verify(`Bearer ${t}`);
    expect(p).toMatchObject({ sub: 'u1', role: 'citizen', iin: '900101300027' });
  });

  it.each([
    ['an expired token', async () => tokens.mint({ sub: 'u', role: 'admin' }, Math.floor(Date.now() / 1000) - 10), /expired/],
    ['a wrong signature', async () => new TokenService('another-secret').mint({ sub: 'u', role: 'admin' }), /invalid/],
    ['an unknown role', async () => sign({ sub: 'u', role: 'king' }), /role/],
    ['a citizen without iin', async () => sign({ sub: 'u', role: 'citizen' }), /iin/],
    ['an official without officialId', async () => sign({ sub: 'u', role: 'official' }), /officialId/],
    ['a citizen whose iin fails the check digit', async () => sign({ sub: 'u', role: 'citizen', iin: '900101300028' }), /iin/],
    ['a token without exp', async () => sign({ sub: 'u', role: 'admin' }, null), /no expiry/],
    ['a token living longer than the limit', async () => sign({ sub: 'u', role: 'admin' }, '25h'), /too long/],
  ])('rejects %s as UNAUTHENTICATED', async (_name, make, message) => {
    const header = `Bearer ${await make()}`;
    await expect(tokens.verify(header)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
  });

  it('keeps answering a verified token from memory only until it expires', async () => {
    const t = await tokens.mint({ sub: 'u2', role: 'admin' }, '2s');
    const first = await tokens.verify(`Bearer ${t}`);
    expect(await tokens.verify(`bearer ${t}`)).toEqual({ ...first, authorization: `bearer ${t}` });
    jest.useFakeTimers({ now: Date.now() + 5000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      await expect(tokens.verify(`Bearer ${t}`)).rejects.toMatchObject({ message: expect.stringMatching(/expired/) });
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not remember a token that failed verification', async () => {
    const forged = `Bearer ${await new TokenService('another-secret').mint({ sub: 'u', role: 'admin' })}`;
    await expect(tokens.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(tokens.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses to mint a token living longer than the limit (npm run token uses this)', async () => {
    await expect(new TokenService('unit-test-secret', 3600).mint({ sub: 'u', role: 'admin' }, '2h')).rejects.toThrow(/at most 3600 s/);
    expect(await new TokenService('unit-test-secret', 3600).mint({ sub: 'u', role: 'admin' }, '1h')).toMatch(/^ey/);
  });

  it('rejects a header that is not a bearer token', async () => {
    await expect(tokens.verify('Basic abc')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('requireRole', () => {
  it('needs a principal, then one of the roles', async () => {
    expect(() => requireRole({ principal: null })).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    const official = await tokens.verify(`Bearer ${await tokens.mint({ sub: 'o', role: 'official', officialId: 'o1' })}`);
    expect(() => requireRole({ principal: official }, 'citizen')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(requireRole({ principal: official }, 'citizen', 'official')).toBe(official);
  });
});

function sign(claims: Record<string, unknown>, expiresIn: string | null = '1h') {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(String(claims.sub));
  if (expiresIn) jwt.setExpirationTime(expiresIn);
  return jwt.sign(new TextEncoder().encode('unit-test-secret'));
}
