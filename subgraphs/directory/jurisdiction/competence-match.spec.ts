import { CompetenceKind } from '../competences/competence-kind';
import { pickCompetent, type CompetenceLike } from './competence-match';

const a = { id: 'a' };
const b = { id: 'b' };
const c = { id: 'c' };

function service(officialId: string, name: string, code: string | null = null, active = true): CompetenceLike {
  return { officialId, kind: CompetenceKind.PUBLIC_SERVICE, name, code, active };
}
function category(officialId: string, name: string): CompetenceLike {
  return { officialId, kind: CompetenceKind.ISSUE_CATEGORY, name, code: null, active: true };
}

describe('pickCompetent', () => {
  const comps = [
    service('a', 'Выдача справки о несудимости', '00301001'),
    category('b', 'Нарушение сроков'),
    service('c', 'Регистрация по месту жительства'),
    category('c', 'Нарушение сроков'),
  ];

  it('matches a public service by code or by name, ignoring case and spaces', () => {
    expect(pickCompetent([a, b, c], comps, { publicService: '00301001' })?.official).toBe(a);
    expect(pickCompetent([a, b, c], comps, { publicService: '  выдача  справки о НЕСУДИМОСТИ ' })?.official).toBe(a);
  });

  it('matches an issue category', () => {
    const m = pickCompetent([a, b, c], comps, { issueCategory: 'нарушение сроков' });
    expect(m?.official).toBe(b);
    expect(m?.matched.map((x) => x.name)).toEqual(['Нарушение сроков']);
  });

  it('prefers the official covering both the service and the category', () => {
    const m = pickCompetent([a, b, c], comps, {
      publicService: 'Регистрация по месту жительства',
      issueCategory: 'Нарушение сроков',
    });
    expect(m?.official).toBe(c);
    expect(m?.matched).toHaveLength(2);
  });

  it('prefers a service match over a category match', () => {
    const m = pickCompetent([b, a], comps, { publicService: '00301001', issueCategory: 'Нарушение сроков' });
    expect(m?.official).toBe(a);
  });

  it('returns null when nothing matches, nothing is asked, or the competence is inactive', () => {
    expect(pickCompetent([a, b, c], comps, { publicService: 'Другая услуга' })).toBeNull();
    expect(pickCompetent([a, b, c], comps, {})).toBeNull();
    expect(pickCompetent([a], [service('a', 'X', null, false)], { publicService: 'X' })).toBeNull();
  });

  it('only considers the officials it is given', () => {
    expect(pickCompetent([b, c], comps, { publicService: '00301001' })).toBeNull();
  });
});
