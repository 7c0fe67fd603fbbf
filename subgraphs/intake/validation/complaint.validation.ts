import { Addressee } from '../../../contracts/enums';
import type { FileComplaintInput, OfficeComplaintInput } from '../complaints';
import { applicantIin } from './iin.rule';
import { idempotencyKey } from './idempotency-key.rule';
import { katoCode } from './kato-code.rule';
import { LIMITS } from './limits';
import { personName } from './person-name.rule';
import { phoneNumber } from './phone.rule';
import { invalid, optionalText, Problems, requiredText, valid, type RuleResult } from '../../../platform/validation';

/** Reasons and demands may span lines; every other text is one line. */
const MULTILINE = { multiline: true };

/** A complaint's content after validation: trimmed and normalised, ready to store. */
export interface ValidComplaint {
  addressee: Addressee;
  serviceProviderId: string;
  katoCode: string | null;
  publicService: string | null;
  issueCategory: string | null;
  applicantIin: string;
  applicant: { surname: string; name: string; patronymic: string | null; postalAddress: string; phones: string[] };
  respondents: { position: string; surname: string; name: string }[];
  reasons: string;
  demands: string;
  signature: string;
  idempotencyKey: string | null;
}

/**
 * Checks every element the seed requires of a complaint (applicant, respondents, reasons, demands, signature)
 * and the routing fields. Throws BAD_USER_INPUT naming the first wrong field; `extensions.problems` lists all.
 */
export function validateComplaint(
  input: FileComplaintInput | OfficeComplaintInput,
  portal: { signature: string } | { applicantIin: string; signedOnPaper: boolean },
  citizenIin?: string,
): ValidComplaint {
  const p = new Problems();
  const a = input.applicant ?? ({} as FileComplaintInput['applicant']);

  const iin =
    'applicantIin' in portal ? p.check('input.applicantIin', applicantIin(portal.applicantIin), '') : (citizenIin ?? '');

  const out: ValidComplaint = {
    addressee: input.addressee,
    serviceProviderId: p.check(
      'input.serviceProviderId',
      requiredText(input.serviceProviderId, 'The service provider', LIMITS.serviceProviderId.maxLength),
      '',
    ),
    katoCode: p.check('input.katoCode', kato(input.addressee, input.katoCode), null),
    publicService: p.check(
      'input.publicService',
      optionalText(input.publicService, 'The public service', LIMITS.publicService.maxLength),
      null,
    ),
    issueCategory: p.check(
      'input.issueCategory',
      optionalText(input.issueCategory, 'The issue category', LIMITS.publicService.maxLength),
      null,
    ),
    applicantIin: iin,
    applicant: {
      surname: p.check('input.applicant.surname', personName(a.surname, 'The surname'), ''),
      name: p.check('input.applicant.name', personName(a.name, 'The name'), ''),
      patronymic: a.patronymic?.trim()
        ? p.check('input.applicant.patronymic', personName(a.patronymic, 'The patronymic'), null)
        : null,
      postalAddress: p.check(
        'input.applicant.postalAddress',
        requiredText(a.postalAddress, 'The postal address', LIMITS.postalAddress.maxLength, LIMITS.postalAddress.minLength),
        '',
      ),
      phones: phones(p, a.phones ?? []),
    },
    respondents: respondents(p, input.respondents ?? []),
    reasons: p.check('input.reasons', requiredText(input.reasons, 'The reasons', LIMITS.reasons.maxLength, 1, MULTILINE), ''),
    demands: p.check('input.demands', requiredText(input.demands, 'The demands', LIMITS.demands.maxLength, 1, MULTILINE), ''),
    signature:
      'signature' in portal
        ? p.check('input.signature', requiredText(portal.signature, 'The signature', LIMITS.signature.maxLength), '')
        : p.check('input.signedOnPaper', paperSignature(portal.signedOnPaper), ''),
    idempotencyKey: p.check('input.idempotencyKey', idempotencyKey(input.idempotencyKey), null),
  };
  p.assertNone();
  return out;
}

// Seed: the complaint is addressed, at the applicant's choice, to the akim of the relevant unit: the unit is needed.
function kato(addressee: Addressee, raw: string | null | undefined): RuleResult<string | null> {
  if (!raw?.trim()) {
    return addressee === Addressee.AKIM ? invalid('The administrative unit (katoCode) is required when the addressee is AKIM') : valid(null);
  }
  return katoCode(raw);
}

function paperSignature(signedOnPaper: boolean): RuleResult<string> {
  return signedOnPaper === true
    ? valid('signed on paper')
    : invalid('The paper complaint must carry the applicant\'s signature (signedOnPaper must be true)');
}

function phones(p: Problems, raw: string[]): string[] {
  if (raw.length > LIMITS.phones.maxCount) {
    p.add('input.applicant.phones', `At most ${LIMITS.phones.maxCount} phone numbers`);
    return [];
  }
  const out = raw.map((r, i) => p.check(`input.applicant.phones.${i}`, phoneNumber(r), ''));
  return [...new Set(out)];
}

function respondents(p: Problems, raw: { position: string; surname: string; name: string }[]) {
  const { minCount, maxCount, positionMaxLength } = LIMITS.respondents;
  if (raw.length < minCount) {
    p.add('input.respondents', 'Name at least one official whose action or inaction you complain about');
  } else if (raw.length > maxCount) {
    p.add('input.respondents', `At most ${maxCount} respondents`);
  }
  return raw.slice(0, maxCount).map((r, i) => ({
    position: p.check(`input.respondents.${i}.position`, requiredText(r.position, 'The position', positionMaxLength), ''),
    surname: p.check(`input.respondents.${i}.surname`, personName(r.surname, 'The surname'), ''),
    name: p.check(`input.respondents.${i}.name`, personName(r.name, 'The name'), ''),
  }));
}
