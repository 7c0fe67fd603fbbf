import { GraphQLError } from 'graphql';
import type { OfficialRecord } from '../officials/official.entity';
import { akimOfUnit, validateNewUnit } from './administrative-unit.validation';

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return (err as GraphQLError).extensions.field;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('validateNewUnit', () => {
  const unit = { katoCode: '711210000', nameKk: 'Аудан', nameRu: 'Район' };

  it('accepts a parent of the same region', () => {
    expect(validateNewUnit({ ...unit, parentKatoCode: '710000000' })).toEqual({ ...unit, parentKatoCode: '710000000' });
  });

  it('refuses a parent in another region, or the unit itself', () => {
    expect(fieldOf(() => validateNewUnit({ ...unit, parentKatoCode: '750000000' }))).toBe('input.parentKatoCode');
    expect(fieldOf(() => validateNewUnit({ ...unit, parentKatoCode: unit.katoCode }))).toBe('input.parentKatoCode');
  });

  it('refuses a bad KATO code first', () => {
    expect(fieldOf(() => validateNewUnit({ ...unit, katoCode: '990000001', nameRu: '' }))).toBe('input.katoCode');
  });
});

describe('akimOfUnit', () => {
  const official = (over: Partial<OfficialRecord>) =>
    ({ id: 'o', serviceProviderId: null, katoCode: '710000000', active: true, ...over }) as OfficialRecord;
  it('is an active akimat official of the unit: its KATO code and no provider', () => {
    expect(akimOfUnit(official({}), '710000000').ok).toBe(true);
    expect(akimOfUnit(official({ serviceProviderId: 'p' }), '710000000').ok).toBe(false);
    expect(akimOfUnit(official({ katoCode: '711210000' }), '710000000').ok).toBe(false);
    expect(akimOfUnit(official({ active: false }), '710000000').ok).toBe(false);
  });
});
