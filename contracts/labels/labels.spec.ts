import * as enums from '../enums';
import { LABELS } from '.';

/** Every enum a person sees, i.e. every enum of the contract: each value has a Kazakh and a Russian label. */
describe('labels', () => {
  const exported = Object.entries(enums).filter(
    ([, v]) => typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string'),
  ) as [string, Record<string, string>][];

  it('finds the contract enums', () => {
    expect(exported.map(([name]) => name)).toEqual(expect.arrayContaining(['StatusMarkKind', 'ReviewResult', 'Channel', 'Addressee']));
  });

  it.each(exported)('%s: every value has non-empty kk and ru', (name, values) => {
    const table = (LABELS as unknown as Record<string, Record<string, { kk?: string; ru?: string }>>)[name];
    for (const value of Object.values(values)) {
      const label = table?.[value];
      expect([name, value, typeof label?.kk, typeof label?.ru]).toEqual([name, value, 'string', 'string']);
      expect([name, value, label!.kk!.trim().length > 0, label!.ru!.trim().length > 0]).toEqual([name, value, true, true]);
      expect(label!.kk).not.toBe(label!.ru);
    }
  });

  it('labels OverdueReason too, whether or not its enum is merged yet', () => {
    expect(Object.keys(LABELS.OverdueReason)).toEqual(['REGISTRATION', 'FORWARDING', 'REVIEW']);
  });
});
