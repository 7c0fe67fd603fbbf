import { GraphQLError } from 'graphql';
import { validateNewOfficial, validateOfficialChanges } from './official.validation';

const person = { surname: ' Ахметов ', name: 'Болат', position: 'директор' };

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (err) {
    return err as GraphQLError;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('validateNewOfficial', () => {
  it('cleans the person and keeps the provider or unit', () => {
    const o = validateNewOfficial({ ...person, katoCode: '710000000' });
    expect(o).toMatchObject({ surname: 'Ахметов', patronymic: null, serviceProviderId: null, katoCode: '710000000' });
    expect(o.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the first wrong field and lists every problem', () => {
    const err = refusal(() => validateNewOfficial({ ...person, surname: ' ', id: 'x', katoCode: '12' }));
    expect(err.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.surname',
      problems: [
        { field: 'input.surname', message: 'input.surname must not be empty' },
        { field: 'input.id', message: 'input.id must be a UUID' },
        { field: 'input.katoCode', message: 'A KATO code is 9 digits' },
      ],
    });
  });

  it('refuses an official of neither a provider nor an akimat', () => {
    expect(refusal(() => validateNewOfficial(person)).extensions).toMatchObject({ field: 'input.serviceProviderId' });
  });
});

describe('validateOfficialChanges', () => {
  it('keeps only what was asked; an empty patronymic removes it', () => {
    expect(validateOfficialChanges({ position: ' маман ', patronymic: '' })).toEqual({ position: 'маман', patronymic: null });
  });

  it('refuses a name longer than the column', () => {
    expect(refusal(() => validateOfficialChanges({ name: 'x'.repeat(101) })).extensions).toMatchObject({ field: 'input.name' });
  });
});
