import { requireRole, type AuthState } from '../../../platform/auth';
import { BadUserInput, Forbidden, NotFound } from '../../../platform/errors';
import { StatusMarkKind as K, type ReviewResult } from '../../../contracts/enums';
import { kzDate } from '../../../platform/scalars';
import type { ComplaintAccess } from '../access';
import { recordForward } from '../access/forward-record';
import { cleanText, visibleLength } from '../../../platform/text';
import { bodyOf, type DirectoryOfficial } from '../clients/directory.client';
import { appendMark } from './append-mark';
import { registrationMoment, registrationNumber } from '../terms/registration';
import { extendedReviewDueOn, forwardTiming, registrationDueOf } from '../terms/complaint-terms';
import { reviewDueOn } from '../terms/review-terms';
import type { StatusDeps } from '../status.deps';
import { toStatusMark } from './status-mark.mapper';
import type { StatusMark } from './status-mark.type';
import { TrackedComplaint } from '../complaints/tracked-complaint.entity';

const MAX_TEXT = 4000;
const MAX_EXTENSION_WORKING_DAYS = 60;

/** A note or reason: cleaned (platform/text.ts, lines kept), with something visible. */
function requiredText(value: string, field: string): string {
  const text = cleanText(value, { multiline: true });
  if (visibleLength(text) === 0) throw new BadUserInput(`${field} must not be empty`, field);
  if (text.length > MAX_TEXT) throw new BadUserInput(`${field} is longer than ${MAX_TEXT} characters`, field);
  return text;
}

/** Officials (and the applicant, to withdraw) move a complaint along its timeline. */
export class StatusMarkService {
  constructor(
    private readonly deps: StatusDeps,
    private readonly auth: AuthState,
    private readonly access: ComplaintAccess,
  ) {}

  private find(complaintId: string) {
    return this.deps.db.getRepository(TrackedComplaint).findOneBy({ complaintId });
  }

  /** The calling official (or clerk, where `roles` says so), allowed to act on the complaint. */
  private async actor(
    complaintId: string,
    ...roles: ('official' | 'clerk')[]
  ): Promise<{ officialId: string; tracked: TrackedComplaint }> {
    const tracked = await this.find(complaintId);
    const viewer = await this.access.requireAct(tracked, complaintId, ...(roles.length ? roles : ['official' as const]));
    return { officialId: viewer.officialId!, tracked: tracked! };
  }

  private async activeOfficial(id: string, field: string): Promise<DirectoryOfficial> {
    const official = await this.deps.directory.official(id);
    if (!official) throw new NotFound('Official', id);
    if (!official.active) throw new BadUserInput(`Official ${id} is not active`, field);
    return official;
  }

  private done(record: Parameters<StatusDeps['publish']>[0]): StatusMark {
    this.deps.publish(record);
    this.deps.onEventsQueued?.(); // every mark tells intake the status and terms (mark-writer)
    return toStatusMark(record);
  }

  /**
   * Officials, and the office clerks of the handling body (who register the paper complaints they receive).
   * The review term counts from the day registration was due (APPC Art. 63(2)), not from this call: registered
   * late, the complaint keeps the term it would have had, and the lateness shows on the complaint until then.
   */
  async register(complaintId: string): Promise<StatusMark> {
    const { officialId } = await this.actor(complaintId, 'official', 'clerk');
    const at = this.deps.clock.now();
    const { registeredOn, registeredAt } = registrationMoment(at);
    const record = await appendMark(this.deps.db, complaintId, K.REGISTERED, (current) => {
      const number = registrationNumber(current.number, current.version + 1);
      const due = reviewDueOn(registrationDueOf(current), current.reviewBodyKind);
      return {
        mark: { at, actorId: officialId, note: `№ ${number}`, dueOn: due },
        changes: {
          registrationNumber: number,
          registeredAt,
          registeredOn,
          originalDueOn: due,
          reviewDueOn: due,
          forwardedLate: false,
        },
      };
    });
    return this.done(record);
  }

  async startExecution(complaintId: string, executorId: string | null | undefined): Promise<StatusMark> {
    const { officialId, tracked } = await this.actor(complaintId);
    if (executorId && executorId !== officialId) {
      const executor = await this.activeOfficial(executorId, 'executorId');
      if (executor.id !== tracked.handlerId && bodyOf(executor) !== tracked.handlerBodyId) {
        throw new BadUserInput("The executor must be an official of the handler's body", 'executorId');
      }
    }
    const record = await appendMark(this.deps.db, complaintId, K.IN_EXECUTION, () => ({
      mark: { at: this.deps.clock.now(), actorId: officialId, assigneeId: executorId ?? officialId },
    }));
    return this.done(record);
  }

  async recordReviewResult(complaintId: string, result: ReviewResult, note: string): Promise<StatusMark> {
    const text = requiredText(note, 'note');
    const { officialId } = await this.actor(complaintId);
    const at = this.deps.clock.now();
    const record = await appendMark(this.deps.db, complaintId, K.REVIEWED, () => ({
      mark: { at, actorId: officialId, result, note: text },
      changes: { reviewResult: result, closedOn: kzDate(at) },
    }));
    return this.done(record);
  }

  /**
   * APPC Art. 65 (Art. 91(4) to the review body): to the competent official, who takes over and registers it
   * anew, with the terms of their body (its kind comes from the directory: 15 working days at the quality-control
   * body). Due within 3 working days of receipt; a later forward is still accepted, and its mark says it was late.
   */
  async forward(complaintId: string, toOfficialId: string, reason: string): Promise<StatusMark> {
    const text = requiredText(reason, 'reason');
    const { officialId, tracked } = await this.actor(complaintId);
    if (toOfficialId === tracked.handlerId) {
      throw new BadUserInput('The complaint is already with this official', 'toOfficialId');
    }
    const to = await this.activeOfficial(toOfficialId, 'toOfficialId');
    const body = to.body;
    if (!body) throw new BadUserInput(`Official ${to.id} acts for no body on record in the directory`, 'toOfficialId');
    const at = this.deps.clock.now();
    const today = kzDate(at);
    const record = await appendMark(
      this.deps.db,
      complaintId,
      K.FORWARDED,
      (current) => {
        const { dueOn: due, late } = forwardTiming(current, today);
        const lateness = `переадресовано после срока ${due} (АППК ст. 65) / forwarded after the term that ended on ${due} (APPC Art. 65)`;
        return {
          mark: { at, actorId: officialId, assigneeId: to.id, note: late ? `${text} — ${lateness}` : text },
          changes: {
            handlerId: to.id,
            handlerBodyId: body.id,
            reviewBodyKind: body.kind,
            receivedOn: today,
            forwardedLate: late,
            registrationNumber: null,
            registeredAt: null,
            registeredOn: null,
            originalDueOn: null,
            reviewDueOn: null,
          },
        };
      },
      (em, current) => recordForward(em, current, to.id, body.id), // the forwarder keeps read access; intake is told
    );
    return this.done(record);
  }

  /**
   * APPC Art. 76: a reasoned extension, decided before the term ends (after it: CONFLICT, nothing written, and
   * the overdue stays); all extensions together reach at most 2 months past the original term (caps are data).
   */
  async extend(complaintId: string, workingDays: number, reason: string): Promise<StatusMark> {
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
      throw new BadUserInput(`workingDays must be between 1 and ${MAX_EXTENSION_WORKING_DAYS}`, 'workingDays');
    }
    const text = requiredText(reason, 'reason');
    const { officialId } = await this.actor(complaintId);
    const at = this.deps.clock.now();
    const today = kzDate(at);
    const record = await appendMark(this.deps.db, complaintId, K.EXTENDED, (current) => {
      const due = extendedReviewDueOn(current, workingDays, today);
      return { mark: { at, actorId: officialId, note: text, dueOn: due }, changes: { reviewDueOn: due } };
    });
    return this.done(record);
  }

  /**
   * A clerk of the handling body records the applicant's paper withdrawal (their signed statement): the mark's
   * actor is the clerk, and the note says it was a signed paper statement.
   */
  async withdrawOnPaper(complaintId: string, reason: string, signedOnPaper: boolean): Promise<StatusMark> {
    const text = requiredText(reason, 'reason');
    if (signedOnPaper !== true) {
      throw new BadUserInput("A paper withdrawal needs the applicant's signed statement", 'signedOnPaper');
    }
    const { officialId } = await this.actor(complaintId, 'clerk', 'official');
    const at = this.deps.clock.now();
    const record = await appendMark(this.deps.db, complaintId, K.WITHDRAWN, () => ({
      mark: { at, actorId: officialId, note: `${text} (signed paper statement of the applicant)` },
      changes: { closedOn: kzDate(at) },
    }));
    return this.done(record);
  }

  /** The applicant withdraws their own complaint. */
  async withdraw(complaintId: string, reason: string): Promise<StatusMark> {
    const text = requiredText(reason, 'reason');
    const { iin } = requireRole(this.auth, 'citizen');
    const tracked = await this.find(complaintId);
    if (!tracked) throw new NotFound('Complaint', complaintId);
    if (tracked.applicantIin !== iin) throw new Forbidden('Only the applicant may withdraw the complaint');
    const at = this.deps.clock.now();
    const record = await appendMark(this.deps.db, complaintId, K.WITHDRAWN, () => ({
      mark: { at, actorId: null, note: text },
      changes: { closedOn: kzDate(at) },
    }));
    return this.done(record);
  }
}
