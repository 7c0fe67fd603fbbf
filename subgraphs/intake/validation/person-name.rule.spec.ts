import { personName } from './person-name.rule';

describe('personName', () => {
  it.each(['Ахметова', 'Нұржан', 'Әлия', 'Құдайберген-Ұлы', "O'Brien", 'Jean Luc', 'Ğalym', 'Seitqali', 'Шәріп’ұлы'])(
    'accepts %s',
    (name) => expect(personName(name)).toEqual({ ok: true, value: name }),
  );

  it('trims and collapses spaces', () => {
    expect(personName('  Анна   Мария ')).toEqual({ ok: true, value: 'Анна Мария' });
  });

  it.each([
    ['', 'is required'],
    ['   ', 'is required'],
    ['Ахмет0ва', 'only Kazakh, Russian or Latin letters'],
    ['-Ахметова', 'only Kazakh, Russian or Latin letters'],
    ['Ахметова--Серік', 'only Kazakh, Russian or Latin letters'],
    ['李', 'only Kazakh, Russian or Latin letters'],
    ['Aхметова', 'mixes Cyrillic and Latin'], // Latin A
    ['Я'.repeat(101), 'longer than 100'],
  ])('refuses %j (%s)', (name, message) => {
    const r = personName(name, 'The surname');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
