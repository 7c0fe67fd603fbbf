import { competenceMatchKey } from './competence-match-key';

describe('competenceMatchKey', () => {
  it('is the normalised code, or the name when there is no code', () => {
    expect(competenceMatchKey({ code: ' 00301001 ', name: 'X' })).toBe('00301001');
    expect(competenceMatchKey({ code: null, name: '  Нарушение   СРОКОВ ' })).toBe('нарушение сроков');
  });
});
