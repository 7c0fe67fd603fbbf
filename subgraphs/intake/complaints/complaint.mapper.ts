import type { Principal } from '../../../platform/auth';
import { labelOf } from '../../../contracts/labels';
import { initial, maskApplicantData, maskIin, type ApplicantData } from '../../../platform/personal-data';
import type { ComplaintRecord } from './complaint.entity';
import type { Complaint } from './complaint.type';
import { threeMonthsFrom, weekdayOnOrAfter } from '../validation';

export { maskIin };

/**
 * The GraphQL view of a stored complaint. Inter-agency consumers get it depersonalised: masked IIN, initials
 * instead of names, no address or phones, and the applicant's own data masked in the reasons and demands.
 */
export function toComplaint(r: ComplaintRecord, viewer?: Principal | null): Complaint {
  const restricted = viewer?.role === 'agency';
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    addressee: r.addressee,
    channelLabel: labelOf('Channel', r.channel),
    addresseeLabel: labelOf('Addressee', r.addressee),
    serviceProvider: { id: r.serviceProviderId },
    administrativeUnit: r.katoCode ? { katoCode: r.katoCode } : null,
    publicService: r.publicService,
    issueCategory: r.issueCategory ?? null,
    jurisdictionRule: r.jurisdictionRule,
    applicant: {
      iin: restricted ? maskIin(r.applicantIin) : r.applicantIin,
      surname: restricted ? initial(r.applicantSurname)! : r.applicantSurname,
      name: restricted ? initial(r.applicantName)! : r.applicantName,
      patronymic: restricted ? initial(r.applicantPatronymic) : r.applicantPatronymic,
      postalAddress: restricted ? null : r.postalAddress,
      phones: restricted ? [] : r.phones,
    },
    respondents: r.respondents,
    reasons: restricted ? maskApplicantData(r.reasons, applicantData(r))! : r.reasons,
    demands: restricted ? maskApplicantData(r.demands, applicantData(r))! : r.demands,
    filedOn: r.filedOn,
    submittedAt: r.submittedAt,
    talon:
      r.talonNumber && r.talonIssuedAt && r.acceptedById
        ? { number: r.talonNumber, issuedAt: r.talonIssuedAt, acceptedBy: { id: r.acceptedById } }
        : null,
    handler: { id: r.handlerId },
    filingDeadline: r.filingDeadline ?? (r.violationLearnedOn ? weekdayOnOrAfter(threeMonthsFrom(r.violationLearnedOn)) : null),
    lateFiling: r.lateFilingReason ? { reason: r.lateFilingReason } : null,
  };
}

function applicantData(r: ComplaintRecord): ApplicantData {
  return {
    iin: r.applicantIin,
    names: [r.applicantSurname, r.applicantName, r.applicantPatronymic],
    postalAddress: r.postalAddress,
    phones: r.phones,
  };
}
