import { randomUUID } from 'node:crypto';
import { Channel, StatusMarkKind } from '../../../contracts/enums';
import type { Principal } from '../../../platform/auth';
import { kzDate } from '../../../platform/scalars';
import type { JurisdictionAnswer } from '../clients';
import { ComplaintRecord } from '../complaints';
import type { FilingTerm, ValidComplaint } from '../validation';
import { complaintNumber, talonNumber } from './complaint-number';
import { bodyIdOf } from './jurisdiction';

/** Who files, and how: the channel, the filer, and the scope their retry keys are unique in. */
export interface Filer {
  channel: Channel;
  actor: Principal;
  /** `citizen:<iin>` or `clerk:<officialId>`. */
  scope: string;
}

/** The row a new filing stores: its content, the directory's decision, a fresh number (and talon, at an office). */
export function toComplaintRecord(
  v: ValidComplaint & FilingTerm,
  filer: Filer,
  decision: JurisdictionAnswer,
  submittedAt: Date,
  contentHash: string | null,
): ComplaintRecord {
  const filedOn = kzDate(submittedAt);
  const office = filer.channel === Channel.OFFICE;
  return Object.assign(new ComplaintRecord(), {
    id: randomUUID(),
    number: complaintNumber(filedOn),
    channel: filer.channel,
    addressee: v.addressee,
    serviceProviderId: v.serviceProviderId,
    katoCode: v.katoCode,
    publicService: v.publicService,
    issueCategory: v.issueCategory,
    applicantIin: v.applicantIin,
    applicantSurname: v.applicant.surname,
    applicantName: v.applicant.name,
    applicantPatronymic: v.applicant.patronymic,
    postalAddress: v.applicant.postalAddress,
    phones: v.applicant.phones,
    respondents: v.respondents,
    reasons: v.reasons,
    demands: v.demands,
    signature: v.signature,
    filedOn,
    submittedAt,
    handlerId: decision.official.id,
    handlerBodyId: bodyIdOf(decision),
    currentHandlerId: decision.official.id,
    currentBodyId: bodyIdOf(decision),
    holderVersion: 0,
    status: StatusMarkKind.DELIVERED,
    reviewDueOn: null,
    closedOn: null,
    overdueFrom: null,
    statusVersion: -1, // status's first copy (version 0, sent when it starts tracking the complaint) is newer
    jurisdictionRule: decision.rule.slice(0, 300),
    reviewBodyKind: decision.bodyKind,
    talonNumber: office ? talonNumber(filedOn) : null,
    talonIssuedAt: office ? submittedAt : null,
    acceptedById: office ? filer.actor.officialId! : null,
    idempotencyScope: filer.scope,
    idempotencyKey: v.idempotencyKey,
    contentHash,
    violationLearnedOn: v.violationLearnedOn,
    filingDeadline: v.filingDeadline,
    lateFilingReason: v.lateFilingReason,
  });
}
