import type { Principal } from '../../../platform/auth';
import { canSee, scopeOf } from './complaint.visibility';

// Filed to h1 of provider p1, forwarded to f1 of provider p2; c9 of akimat 711000000 accepted it on paper.
const filed = { applicantIin: '900101300027', handlerId: 'h1', handlerBodyId: 'p1', currentHandlerId: 'h1', currentBodyId: 'p1' };
const forwarded = { ...filed, currentHandlerId: 'f1', currentBodyId: 'p2' };
const former = [{ officialId: 'h1', bodyId: 'p1' }];
const who = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({ sub: 's', role, authorization: '', ...extra });

describe('complaint visibility', () => {
  it('lets an applicant see only their own complaints', () => {
    expect(canSee(scopeOf(who('citizen', { iin: '900101300027' }), null), filed, [])).toBe(true);
    expect(canSee(scopeOf(who('citizen', { iin: '900101300035' }), null), filed, [])).toBe(false);
  });

  it("lets staff of the current handler's body see it, and nobody of another body", () => {
    expect(canSee(scopeOf(who('clerk', { officialId: 'c1' }), 'p1'), filed, [])).toBe(true);
    expect(canSee(scopeOf(who('official', { officialId: 'o1' }), 'p1'), filed, [])).toBe(true);
    expect(canSee(scopeOf(who('official', { officialId: 'o2' }), 'p2'), filed, [])).toBe(false);
    expect(canSee(scopeOf(who('clerk', { officialId: 'c2' }), null), filed, [])).toBe(false);
  });

  it('follows the complaint after forwarding; the forwarding body keeps reading, others gain nothing', () => {
    expect(canSee(scopeOf(who('official', { officialId: 'f1' }), 'p2'), forwarded, former)).toBe(true);
    expect(canSee(scopeOf(who('clerk', { officialId: 'c2' }), 'p2'), forwarded, former)).toBe(true);
    expect(canSee(scopeOf(who('official', { officialId: 'o1' }), 'p1'), forwarded, former)).toBe(true);
    expect(canSee(scopeOf(who('official', { officialId: 'o1' }), 'p1'), forwarded, [])).toBe(false);
    expect(canSee(scopeOf(who('official', { officialId: 'o3' }), 'p3'), forwarded, former)).toBe(false);
  });

  it('gives staff the directory does not know as active nothing, even the handler', () => {
    expect(canSee(scopeOf(who('official', { officialId: 'h1' }), undefined), filed, former)).toBe(false);
    expect(canSee(scopeOf(who('clerk', { officialId: 'c1' }), undefined), filed, former)).toBe(false);
  });

  it('lets agency and admin see everything', () => {
    expect(canSee(scopeOf(who('agency'), null), filed, [])).toBe(true);
    expect(canSee(scopeOf(who('admin'), null), filed, [])).toBe(true);
  });
});
