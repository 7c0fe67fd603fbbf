import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { requireRole, type AuthState, type Principal } from '../../platform/auth';
import { inTransaction, isUniqueViolation } from '../../platform/database';
import { Channel } from '../../platform/enums';
import { BadUserInput, Forbidden } from '../../platform/errors';
import type { ComplaintFiledEvent } from '../../platform/events';
import { enqueue } from '../../platform/outbox/outbox-relay';
import { kzDate } from '../../platform/scalars';
import { complaintNumber, talonNumber } from './complaint-number';
import { ComplaintRecord } from './complaint.entity';
import type { FileComplaintInput, OfficeComplaintInput } from './complaint.input';
import { toComplaint } from './complaint.mapper';
import type { Complaint } from './complaint.type';
import type { DirectoryClient } from './directory.client';

export interface ComplaintServiceDeps {
  db: DataSource;
  directory: DirectoryClient;
  /** Called after a commit that queued events. */
  onEventsQueued: () => void;
}

/** Filing and reading complaints (seed steps 2–6). */
export class ComplaintService {
  constructor(
    private readonly deps: ComplaintServiceDeps,
    private readonly auth: AuthState,
  ) {}

  async file(input: FileComplaintInput): Promise<Complaint> {
    const citizen = requireRole(this.auth, 'citizen');
    if (!input.signature?.trim()) throw new BadUserInput('The signature is required', 'input.signature');
    return this.store(citizen, input, Channel.PORTAL, citizen.iin!, input.signature.trim());
  }

  async acceptAtOffice(input: OfficeComplaintInput): Promise<Complaint> {
    const clerk = requireRole(this.auth, 'clerk');
    if (input.signedOnPaper !== true) {
      throw new BadUserInput('The paper complaint must be signed by the applicant', 'input.signedOnPaper');
    }
    return this.store(clerk, input, Channel.OFFICE, input.applicantIin, 'signed on paper');
  }

  async byId(id: string): Promise<Complaint | null> {
    const viewer = requireRole(this.auth);
    const record = await this.deps.db.getRepository(ComplaintRecord).findOneBy({ id });
    if (!record) return null;
    if (viewer.role === 'citizen' && record.applicantIin !== viewer.iin) {
      throw new Forbidden('This complaint belongs to another applicant');
    }
    return toComplaint(record, viewer);
  }

  private async store(
    actor: Principal,
    input: FileComplaintInput | OfficeComplaintInput,
    channel: Channel,
    applicantIin: string,
    signature: string,
  ): Promise<Complaint> {
    const repo = this.deps.db.getRepository(ComplaintRecord);
    const key = input.idempotencyKey?.trim() || null;
    if (key) {
      const existing = await repo.findOneBy({ applicantIin, idempotencyKey: key });
      if (existing) return toComplaint(existing, actor);
    }
    const decision = await this.deps.directory.jurisdiction(input);
    const submittedAt = new Date();
    const filedOn = kzDate(submittedAt);
    const record = repo.create({
      id: randomUUID(),
      number: complaintNumber(filedOn),
      channel,
      addressee: input.addressee,
      serviceProviderId: input.serviceProviderId,
      katoCode: input.katoCode ?? null,
      publicService: input.publicService ?? null,
      applicantIin,
      applicantSurname: input.applicant.surname.trim(),
      applicantName: input.applicant.name.trim(),
      applicantPatronymic: input.applicant.patronymic?.trim() || null,
      postalAddress: input.applicant.postalAddress.trim(),
      phones: input.applicant.phones ?? [],
      respondents: input.respondents,
      reasons: input.reasons.trim(),
      demands: input.demands.trim(),
      signature,
      filedOn,
      submittedAt,
      handlerId: decision.official.id,
      handlerBodyId: decision.official.serviceProvider?.id ?? decision.official.administrativeUnit?.katoCode ?? null,
      jurisdictionRule: decision.rule,
      reviewBodyKind: decision.bodyKind,
      talonNumber: channel === Channel.OFFICE ? talonNumber(filedOn) : null,
      talonIssuedAt: channel === Channel.OFFICE ? submittedAt : null,
      acceptedById: channel === Channel.OFFICE ? actor.officialId! : null,
      idempotencyKey: key,
    });
    try {
      await inTransaction(this.deps.db, async (em) => {
        await em.insert(ComplaintRecord, record);
        await enqueue(em, filedEvent(record));
      });
    } catch (err) {
      if (key && isUniqueViolation(err)) {
        const winner = await repo.findOneBy({ applicantIin, idempotencyKey: key });
        if (winner) return toComplaint(winner, actor);
      }
      throw err;
    }
    this.deps.onEventsQueued();
    return toComplaint(record, actor);
  }
}

function filedEvent(r: ComplaintRecord): ComplaintFiledEvent {
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
  };
}
