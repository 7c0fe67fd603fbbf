import { createHash, randomUUID } from 'node:crypto';
import { requireRole, type AuthState, type Principal } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/database';
import { Addressee, Channel, StatusMarkKind } from '../../contracts/enums';
import { AppError, BadUserInput, Conflict, Forbidden } from '../../platform/errors';
import type { ComplaintFiledEvent } from '../../contracts/events';
import { kzDate } from '../../platform/scalars';
import { traceHeaders } from '../../platform/tracing';
import { complaintNumber, talonNumber } from './complaint-number';
import { ComplaintRecord } from './complaint.entity';
import type { FileComplaintInput, OfficeComplaintInput } from './complaint.input';
import { toComplaint } from './complaint.mapper';
import type { ComplaintRepository } from './complaint.repository';
import type { Complaint } from './complaint.type';
import type { DirectoryClient, JurisdictionAnswer } from './directory.client';
import { validateComplaint, type ValidComplaint } from './validation/complaint.validation';
import { checkFilingTerm, type FilingTerm, type WorkingDayOnOrAfter } from './validation/filing-term.rule';

/** A valid complaint and its filing term (APPC Art. 92), as of the filing instant. */
type Filing = ValidComplaint & FilingTerm;

export interface FilingDeps {
  repository: ComplaintRepository;
  directory: DirectoryClient;
  /** The first working day on or after a date, from status's calendar (filing term, APPC Art. 92). */
  workingDayOnOrAfter: WorkingDayOnOrAfter;
  /** Called after a commit that queued events. */
  onEventsQueued: () => void;
  clock: Clock;
}

/** A random number colliding with an existing one is retried this many times. */
const NUMBER_ATTEMPTS = 3;

/** Filing on both channels (seed: required content, addressee, jurisdiction, talon). */
export class ComplaintFilingService {
  constructor(
    private readonly deps: FilingDeps,
    private readonly auth: AuthState,
  ) {}

  async file(input: FileComplaintInput): Promise<Complaint> {
    const citizen = requireRole(this.auth, 'citizen');
    const submittedAt = this.deps.clock.now();
    const valid = validateComplaint(input, { signature: input.signature }, citizen.iin!);
    const filing = { ...valid, ...(await checkFilingTerm(input, kzDate(submittedAt), this.deps.workingDayOnOrAfter)) };
    return this.store(citizen, filing, Channel.PORTAL, `citizen:${citizen.iin}`, submittedAt);
  }

  async acceptAtOffice(input: OfficeComplaintInput): Promise<Complaint> {
    const clerk = requireRole(this.auth, 'clerk');
    const submittedAt = this.deps.clock.now();
    const valid = validateComplaint(input, { applicantIin: input.applicantIin, signedOnPaper: input.signedOnPaper });
    const filing = { ...valid, ...(await checkFilingTerm(input, kzDate(submittedAt), this.deps.workingDayOnOrAfter)) };
    // Seed: a paper complaint is handed in at an office: the provider's, or the akimat's when addressed to the akim.
    const clerkBody = await this.deps.directory.officialBody(clerk.officialId!);
    const mayAccept = (decision: JurisdictionAnswer) =>
      !!clerkBody && (clerkBody === valid.serviceProviderId || clerkBody === bodyIdOf(decision));
    if (!clerkBody || (clerkBody !== valid.serviceProviderId && valid.addressee !== Addressee.AKIM)) {
      throw new Forbidden("A clerk accepts paper complaints only for their own service provider's office");
    }
    return this.store(clerk, filing, Channel.OFFICE, `clerk:${clerk.officialId}`, submittedAt, { clerkBody, mayAccept });
  }

  private async store(
    actor: Principal,
    v: Filing,
    channel: Channel,
    scope: string,
    submittedAt: Date,
    office?: { clerkBody: string; mayAccept: (d: JurisdictionAnswer) => boolean },
  ): Promise<Complaint> {
    const hash = v.idempotencyKey ? contentHash(channel, v) : null;
    if (v.idempotencyKey) {
      const earlier = await this.deps.repository.byIdempotencyKey(scope, v.idempotencyKey);
      if (earlier) return this.replay(earlier, hash, actor);
    }
    const decision = await this.jurisdiction(v);
    if (office && !office.mayAccept(decision)) {
      throw new Forbidden("A clerk accepts paper complaints only for their own office: the provider's, or the akimat the complaint goes to");
    }
    for (let attempt = 1; ; attempt++) {
      const record = newRecord(v, channel, actor, scope, hash, decision, submittedAt);
      try {
        await this.deps.repository.insertWithEvent(record, filedEvent(record, office?.clerkBody ?? null));
        this.deps.onEventsQueued();
        return toComplaint(record, actor);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (v.idempotencyKey) {
          // A concurrent retry with the same key committed first.
          const winner = await this.deps.repository.byIdempotencyKey(scope, v.idempotencyKey);
          if (winner) return this.replay(winner, hash, actor);
        }
        if (attempt >= NUMBER_ATTEMPTS) throw err;
      }
    }
  }

  private replay(earlier: ComplaintRecord, hash: string | null, actor: Principal): Complaint {
    if (earlier.contentHash !== hash) {
      throw new Conflict('This idempotency key was already used for a different complaint', { complaintId: earlier.id });
    }
    return toComplaint(earlier, actor);
  }

  /** The directory's answer; an unknown provider or unit is the caller's input error, named by field. */
  private async jurisdiction(v: ValidComplaint): Promise<JurisdictionAnswer> {
    try {
      const { addressee, serviceProviderId, katoCode, publicService, issueCategory, respondents } = v;
      return await this.deps.directory.jurisdiction({ addressee, serviceProviderId, katoCode, publicService, issueCategory, respondents });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const { code, field, id } = err.extensions;
      if (code === 'BAD_USER_INPUT' && typeof field === 'string') {
        throw new BadUserInput(err.message, field.startsWith('input.') ? field : `input.${field}`);
      }
      if (code !== 'NOT_FOUND') throw err;
      if (id === v.serviceProviderId) {
        throw new BadUserInput(`No service provider ${v.serviceProviderId} is on record`, 'input.serviceProviderId');
      }
      if (v.katoCode && id === v.katoCode) {
        throw new BadUserInput(`No administrative unit ${v.katoCode} is on record`, 'input.katoCode');
      }
      throw err; // nobody competent on record: a directory gap, not the applicant's mistake
    }
  }
}

function contentHash(channel: Channel, v: Filing): string {
  const { idempotencyKey: _key, violationLearnedOn, filingDeadline: _deadline, lateFilingReason, ...rest } = v;
  // The filing-term fields join the hash only when given, so keys stored before they existed still match.
  const content = { ...rest, ...(violationLearnedOn ? { violationLearnedOn } : {}), ...(lateFilingReason ? { lateFilingReason } : {}) };
  return createHash('sha256').update(JSON.stringify({ channel, ...content })).digest('hex');
}

function newRecord(
  v: Filing,
  channel: Channel,
  actor: Principal,
  scope: string,
  hash: string | null,
  decision: JurisdictionAnswer,
  submittedAt: Date,
): ComplaintRecord {
  const filedOn = kzDate(submittedAt);
  const office = channel === Channel.OFFICE;
  return Object.assign(new ComplaintRecord(), {
    id: randomUUID(),
    number: complaintNumber(filedOn),
    channel,
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
    acceptedById: office ? actor.officialId! : null,
    idempotencyScope: scope,
    idempotencyKey: v.idempotencyKey,
    contentHash: hash,
    violationLearnedOn: v.violationLearnedOn,
    filingDeadline: v.filingDeadline,
    lateFilingReason: v.lateFilingReason,
  });
}

/** The chosen official's body, as the directory says (directory/review-body.ts). */
function bodyIdOf(decision: JurisdictionAnswer): string | null {
  return decision.official.body?.id ?? null;
}

function filedEvent(r: ComplaintRecord, acceptedBodyId: string | null): ComplaintFiledEvent {
  return {
    type: 'ComplaintFiled',
    eventId: randomUUID(),
    complaintId: r.id,
    number: r.number,
    channel: r.channel,
    addressee: r.addressee,
    applicantIin: r.applicantIin,
    serviceProviderId: r.serviceProviderId,
    katoCode: r.katoCode,
    handlerId: r.handlerId,
    handlerBodyId: r.handlerBodyId,
    reviewBodyKind: r.reviewBodyKind,
    submittedAt: r.submittedAt.toISOString(),
    filedOn: r.filedOn,
    acceptedById: r.acceptedById,
    acceptedBodyId,
    applicantNames: [r.applicantSurname, r.applicantName, r.applicantPatronymic],
    // The filing's trace goes on with the event (relay, status): one request is one trace.
    ...traceHeaders(),
  };
}
