import { Addressee } from '../../../contracts/enums';
import type { FileComplaintInput } from '../complaints';
import { validateComplaint } from './complaint.validation';

const base = (): FileComplaintInput =>
  ({
    addressee: Addressee.SERVICE_PROVIDER_HEAD,
    serviceProviderId: 'p1',
    applicant: { surname: ' Ахметова ', name: 'Дина', postalAddress: 'Астана, Мәңгілік Ел 8, 12', phones: ['8 701 123 45 67', '+77011234567'] },
    respondents: [{ position: 'специалист', surname: 'Серіков', name: 'Нұржан' }],
    reasons: 'Справка не выдана',
    demands: 'Выдать справку',
    signature: 'ЭЦП',
  }) as FileComplaintInput;

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    return (err as { extensions: Record<string, any> }).extensions;
  }
  throw new Error('expected a BAD_USER_INPUT');
}

describe('validateComplaint', () => {
  it('normalises a valid portal complaint', () => {
    const v = validateComplaint(base(), { signature: 'ЭЦП' }, '900101300027');
    expect(v.applicant.surname).toBe('Ахметова');
    expect(v.applicant.phones).toEqual(['+77011234567']);
    expect(v.applicantIin).toBe('900101300027');
    expect(v.katoCode).toBeNull();
  });

  it('names the first wrong field and lists all problems', () => {
    const input = base();
    input.applicant.surname = '';
    input.reasons = ' ';
    const ext = problemOf(() => validateComplaint(input, { signature: 'x' }, '900101300027'));
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.field).toBe('input.applicant.surname');
    expect(ext.problems.map((p: { field: string }) => p.field)).toEqual(['input.applicant.surname', 'input.reasons']);
  });

  it('needs katoCode for AKIM, a respondent, a signature, signedOnPaper and a valid office IIN', () => {
    expect(problemOf(() => validateComplaint({ ...base(), addressee: Addressee.AKIM }, { signature: 'x' })).field).toBe('input.katoCode');
    expect(problemOf(() => validateComplaint({ ...base(), respondents: [] }, { signature: 'x' })).field).toBe('input.respondents');
    expect(problemOf(() => validateComplaint(base(), { signature: '  ' })).field).toBe('input.signature');
    expect(problemOf(() => validateComplaint(base(), { applicantIin: '900101300027', signedOnPaper: false })).field).toBe(
      'input.signedOnPaper',
    );
    expect(problemOf(() => validateComplaint(base(), { applicantIin: '900101300028', signedOnPaper: true })).field).toBe(
      'input.applicantIin',
    );
  });

  it('points at the wrong respondent and phone by index', () => {
    const input = base();
    input.respondents = [input.respondents[0], { position: 'x', surname: 'Серіков', name: '' }];
    expect(problemOf(() => validateComplaint(input, { signature: 'x' })).field).toBe('input.respondents.1.name');
    const phones = base();
    phones.applicant.phones = ['+77011234567', '123'];
    expect(problemOf(() => validateComplaint(phones, { signature: 'x' })).field).toBe('input.applicant.phones.1');
  });
});
