import { GraphQLError } from 'graphql';
import type { OfficialRecord } from '../officials/official.entity';
import { ServiceProviderKind } from './service-provider-kind';
import { headOfProvider, validateNewProvider, validateProviderChanges } from './service-provider.validation';

const input = {
  bin: '020240001236',
  nameKk: 'Қызмет беруші',
  nameRu: 'Услугодатель',
  katoCode: '710000000',
  head: { surname: 'Ахметов', name: 'Болат', position: 'директор' },
};

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return (err as GraphQLError).extensions.field;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('validateNewProvider', () => {
  it('defaults the kind and checks the head as an official', () => {
    expect(validateNewProvider(input)).toMatchObject({ kind: ServiceProviderKind.SERVICE_PROVIDER, head: { patronymic: null } });
    expect(fieldOf(() => validateNewProvider({ ...input, head: { ...input.head, surname: '' } }))).toBe('input.head.surname');
  });

  it('checks the BIN and the KATO code', () => {
    expect(fieldOf(() => validateNewProvider({ ...input, bin: '020240001234' }))).toBe('input.bin');
    expect(fieldOf(() => validateNewProvider({ ...input, katoCode: '120000000' }))).toBe('input.katoCode');
  });
});

describe('validateProviderChanges', () => {
  it('keeps only what was asked', () => {
    expect(validateProviderChanges({ nameRu: ' Новое ', active: false })).toEqual({ nameRu: 'Новое', active: false });
  });
});

describe('headOfProvider', () => {
  const official = (over: Partial<OfficialRecord>) => ({ id: 'o', serviceProviderId: 'p', active: true, ...over }) as OfficialRecord;
  it('is an active official of this provider', () => {
    expect(headOfProvider(official({}), 'p').ok).toBe(true);
    expect(headOfProvider(official({ serviceProviderId: 'q' }), 'p').ok).toBe(false);
    expect(headOfProvider(official({ active: false }), 'p').ok).toBe(false);
    expect(headOfProvider(null, 'p').ok).toBe(false);
  });
});
