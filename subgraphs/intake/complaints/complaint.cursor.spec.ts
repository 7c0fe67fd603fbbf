import { decodeCursor, encodeCursor } from './complaint.cursor';

describe('complaint cursor', () => {
  it('round-trips', () => {
    const c = { submittedAt: new Date('2026-11-24T10:00:00.123Z'), id: '6f1c2a36-3c33-4d55-9a38-8a1f0c1d2e3f' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each(['', 'garbage', Buffer.from('c1:abc:x').toString('base64url'), Buffer.from("c1:1:x' OR 1=1").toString('base64url')])(
    'refuses %j with BAD_USER_INPUT',
    (bad) => {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }));
    },
  );
});
