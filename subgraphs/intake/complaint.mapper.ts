import type { Principal } from '../../platform/auth';
import { labelOf } from '../../platform/labels';
import type { ComplaintRecord } from './complaint.entity';
import type { Complaint } from './complaint.type';

/** `900101300026` → `9001******26` */
export function maskIin(iin: string): string {
  return `${iin.slice(0, 4)}******${iin.slice(10)}`;
}

/** The GraphQL view of a stored complaint; inter-agency consumers get no contact data and a masked IIN. */
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
      surname: r.applicantSurname,
      name: r.applicantName,
      patronymic: r.applicantPatronymic,
      postalAddress: restricted ? null : r.postalAddress,
      phones: restricted ? [] : r.phones,
    },
    respondents: r.respondents,
    reasons: r.reasons,
    demands: r.demands,
    filedOn: r.filedOn,
    submittedAt: r.submittedAt,
    talon:
      r.talonNumber && r.talonIssuedAt && r.acceptedById
        ? { number: r.talonNumber, issuedAt: r.talonIssuedAt, acceptedBy: { id: r.acceptedById } }
        : null,
    handler: { id: r.handlerId },
  };
}
