import { uuid } from './uuid.rule';

describe('uuid', () => {
  it('accepts a UUID in any case and stores it in lower case', () => {
    expect(uuid('0A1B2C3D-0000-4000-8000-00000000BEEF', 'input.id')).toEqual({ ok: true, value: '0a1b2c3d-0000-4000-8000-00000000beef' });
  });

  it('refuses anything else, naming the field', () => {
    expect(uuid('not-a-uuid', 'input.id')).toEqual({ ok: false, message: 'input.id must be a UUID' });
    expect(uuid('', 'input.id').ok).toBe(false);
  });
});
