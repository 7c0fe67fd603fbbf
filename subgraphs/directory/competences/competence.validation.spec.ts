import { GraphQLError } from 'graphql';
import { CompetenceKind } from './competence-kind';
import type { CompetenceRecord } from './competence.entity';
import { validateNewCompetence, withCompetenceChanges } from './competence.validation';

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return (err as GraphQLError).extensions.field;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('competence validation', () => {
  it('gives a public service an optional code, an issue category none', () => {
    expect(validateNewCompetence({ officialId: 'o', kind: CompetenceKind.PUBLIC_SERVICE, name: ' Выдача ', code: ' ' })).toEqual({ name: 'Выдача', code: null });
    expect(fieldOf(() => validateNewCompetence({ officialId: 'o', kind: CompetenceKind.ISSUE_CATEGORY, name: 'Сроки', code: '001' }))).toBe('input.code');
  });

  it('applies changes to a copy, judged by the competence’s own kind', () => {
    const category = { id: 'c', officialId: 'o', kind: CompetenceKind.ISSUE_CATEGORY, code: null, name: 'Сроки', matchKey: 'сроки', active: true } as CompetenceRecord;
    expect(withCompetenceChanges(category, { name: 'Грубость', active: false })).toMatchObject({ name: 'Грубость', active: false });
    expect(category.name).toBe('Сроки');
    expect(fieldOf(() => withCompetenceChanges(category, { code: '001' }))).toBe('input.code');
  });
});
