import { isValidKato, katoCode, katoProblem, katoRegion } from './kato.rule';

describe('KATO validation', () => {
  it.each(['710000000', '711210000', '351013100', '100000000', '790000000', '620000000'])('accepts %s', (code) => {
    expect(katoProblem(code)).toBeNull();
    expect(isValidKato(code)).toBe(true);
  });

  it.each([
    ['71000000', 'format'],
    ['7100000000', 'format'],
    ['71000000x', 'format'],
    [' 710000000', 'format'],
    ['', 'format'],
    ['120000000', 'region'],
    ['000000000', 'region'],
    ['990000000', 'region'],
    ['640000000', 'region'],
  ])('rejects %j (%s)', (code, problem) => {
    expect(katoProblem(code)).toBe(problem);
  });

  it('knows all 17 regions and 3 cities of republican significance', () => {
    const known = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter((r) => isValidKato(`${r}0000000`));
    expect(known).toEqual([
      '10', '11', '15', '19', '23', '27', '31', '33', '35', '39', '43', '47', '55', '59', '61', '62', '63', '71', '75', '79',
    ]);
  });

  it('takes the region from the first two digits', () => {
    expect(katoRegion('351013100')).toBe('35');
  });
});

describe('katoCode rule', () => {
  it('passes a valid code through and names the problem of a wrong one', () => {
    expect(katoCode('710000000')).toEqual({ ok: true, value: '710000000' });
    expect(katoCode('71000000')).toEqual({ ok: false, message: 'A KATO code is 9 digits' });
  });
});
