import { initial, maskApplicantData, maskIin } from './personal-data';

describe('depersonalisation', () => {
  it('masks the IIN and gives initials', () => {
    expect(maskIin('900101300026')).toBe('9001******26');
    expect(initial('ахметова')).toBe('А.');
    expect(initial(null)).toBeNull();
  });

  it("masks the applicant's IIN, phones, address and names in free text, and nothing else", () => {
    const applicant = { iin: '900101300026', names: ['Ахметова', 'Дина', null], postalAddress: 'Астана, Абай 1', phones: ['+77011234567'] };
    const text = 'Заявитель Дина АХМЕТОВА (ИИН 900101300026, тел. +7 701 123-45-67, 8(701)1234567) живёт: Астана, Абай 1. Динамика хорошая.';
    expect(maskApplicantData(text, applicant)).toBe('Заявитель *** *** (ИИН ***, тел. ***, ***) живёт: ***. Динамика хорошая.');
    expect(maskApplicantData('Справка выдана 5 марта', applicant)).toBe('Справка выдана 5 марта');
    expect(maskApplicantData(null, applicant)).toBeNull();
  });
});
