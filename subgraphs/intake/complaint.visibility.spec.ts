import type { Principal } from '../../platform/auth';
import { canSee, scopeOf } from './complaint.visibility';

const complaint = { applicantIin: '900101300027', serviceProviderId: 'p1', handlerId: 'h1' };
const who = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({ sub: 's', role, authorization: '', ...extra });

describe('complaint visibility', () => {
  it('lets an applicant see only their own complaints', () => {
    expect(canSee(scopeOf(who('citizen', { iin: '900101300027' }), null), complaint)).toBe(true);
    expect(canSee(scopeOf(who('citizen', { iin: '900101300035' }), null), complaint)).toBe(false);
  });

  it('lets a clerk see the complaints of their provider only', () => {
    expect(canSee(scopeOf(who('clerk', { officialId: 'c1' }), 'p1'), complaint)).toBe(true);
    expect(canSee(scopeOf(who('clerk', { officialId: 'h1' }), 'p2'), complaint)).toBe(false);
  });

  it('lets an official see their provider’s complaints and those they handle', () => {
    expect(canSee(scopeOf(who('official', { officialId: 'o1' }), 'p1'), complaint)).toBe(true);
    expect(canSee(scopeOf(who('official', { officialId: 'h1' }), null), complaint)).toBe(true);
    expect(canSee(scopeOf(who('official', { officialId: 'o1' }), 'p2'), complaint)).toBe(false);
  });

  it('lets agency and admin see everything', () => {
    expect(canSee(scopeOf(who('agency'), null), complaint)).toBe(true);
    expect(canSee(scopeOf(who('admin'), null), complaint)).toBe(true);
  });
});
