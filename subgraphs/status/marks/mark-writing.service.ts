import type { DataSource } from 'typeorm';
import { requireRole, type AuthState, type Role } from '../../../platform/auth';
import type { Clock } from '../../../platform/clock';
import { Forbidden, NotFound } from '../../../platform/errors';
import { kzDate } from '../../../platform/scalars';
import { Problems, required } from '../../../platform/validation';
import { StatusMarkKind as K, type ReviewResult } from '../../../contracts/enums';
import { recordForward, type ComplaintAccess } from '../access';
import { bodyOf, type DirectoryOfficial, type StatusDirectoryClient } from '../clients';
import { TrackedComplaintRepository, type TrackedComplaint } from '../complaints';
import { rejectInput } from '../../../platform/validation';
import { complaintTerms, registrationMoment, registrationNumber, reviewDueOn } from '../terms';
import { appendMark } from './append-mark';
import { extensionDays, markText, signedStatement } from './mark.validation';
import type { StatusMarkRecord } from './status-mark.entity';
import { toStatusMark } from './status-mark.mapper';
import type { StatusMark } from './status-mark.type';

const { extendedReviewDueOn, forwardTiming, registrationDueOf } = complaintTerms;

type StaffRole = Extract<Role, 'official' | 'clerk'>;

/** What writing marks needs of the process (`StatusDeps` has it all). */
export interface MarkWritingDeps {
  db: DataSource;
  clock: Clock;
  directory: StatusDirectoryClient;
  /** Fans a committed mark out to the open streams (on every instance). */
  publish: (mark: StatusMarkRecord) => void;
  /** Every mark queues intake's copy of the status: the relay sends it at once. */
  onEventsQueued?: () => void;
}

/** Officials (and the applicant, to withdraw) move a complaint along its timeline. */
export class MarkWritingService {
  private readonly complaints: TrackedComplaintRepository;

  constructor(
    private readonly deps: MarkWritingDeps,
    private readonly auth: AuthState,
    private readonly access: ComplaintAccess,
  ) {
    this.complaints = new TrackedComplaintRepository(deps.db.manager);
  }

  /**
   * The calling official (or clerk, where `roles` says so), allowed to act on the complaint. The caller's role
   * is checked before the input (`role`), their right to this complaint after it.
   */
  private async actor(complaintId: string, ...roles: StaffRole[]): Promise<{ officialId: string; tracked: TrackedComplaint }> {
    const tracked = await this.complaints.byId(complaintId);
    const viewer = await this.access.requireAct(tracked, complaintId, ...roles);
    return { officialId: viewer.officialId!, tracked: tracked! };
  }

  private role(...roles: Role[]): void {
    requireRole(this.auth, ...roles);
  }

  private async activeOfficial(id: string, field: string): Promise<DirectoryOfficial> {
    const official = await this.deps.directory.official(id);
    if (!official) throw new NotFound('Official', id);
    if (!official.active) rejectInput(field, `Official ${id} is not active`);
    return official;
  }

  private done(record: StatusMarkRecord): StatusMark {
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
    this.role('official', 'clerk');
    const { officialId, tracked } = await this.actor(complaintId, 'official', 'clerk');
    const at = this.deps.clock.now();
    const { registeredOn, registeredAt } = registrationMoment(at);
    const record = await appendMark(this.deps.db, tracked, K.REGISTERED, (current) => {
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
    this.role('official');
    const { officialId, tracked } = await this.actor(complaintId, 'official');
    if (executorId && executorId !== officialId) {
      const executor = await this.activeOfficial(executorId, 'executorId');
      if (executor.id !== tracked.handlerId && bodyOf(executor) !== tracked.handlerBodyId) {
        rejectInput('executorId', "The executor must be an official of the handler's body");
      }
    }
    const record = await appendMark(this.deps.db, tracked, K.IN_EXECUTION, () => ({
      mark: { at: this.deps.clock.now(), actorId: officialId, assigneeId: executorId ?? officialId },
    }));
    return this.done(record);
  }

  async recordReviewResult(complaintId: string, result: ReviewResult, note: string): Promise<StatusMark> {
    this.role('official');
    const text = required('note', markText(note, 'note'));
    const { officialId, tracked } = await this.actor(complaintId, 'official');
    const at = this.deps.clock.now();
    const record = await appendMark(this.deps.db, tracked, K.REVIEWED, () => ({
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
    this.role('official');
    const text = required('reason', markText(reason, 'reason'));
    const { officialId, tracked } = await this.actor(complaintId, 'official');
    if (toOfficialId === tracked.handlerId) rejectInput('toOfficialId', 'The complaint is already with this official');
    const to = await this.activeOfficial(toOfficialId, 'toOfficialId');
    const body = to.body;
    if (!body) rejectInput('toOfficialId', `Official ${to.id} acts for no body on record in the directory`);
    const at = this.deps.clock.now();
    const today = kzDate(at);
    const record = await appendMark(
      this.deps.db,
      tracked,
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
    this.role('official');
    const problems = new Problems();
    problems.check('workingDays', extensionDays(workingDays), 0);
    const text = problems.check('reason', markText(reason, 'reason'), '');
    problems.assertNone();
    const { officialId, tracked } = await this.actor(complaintId, 'official');
    const at = this.deps.clock.now();
    const today = kzDate(at);
    const record = await appendMark(this.deps.db, tracked, K.EXTENDED, (current) => {
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
    this.role('clerk', 'official');
    const problems = new Problems();
    const text = problems.check('reason', markText(reason, 'reason'), '');
    problems.check('signedOnPaper', signedStatement(signedOnPaper), true);
    problems.assertNone();
    const { officialId, tracked } = await this.actor(complaintId, 'clerk', 'official');
    const at = this.deps.clock.now();
    const record = await appendMark(this.deps.db, tracked, K.WITHDRAWN, () => ({
      mark: { at, actorId: officialId, note: `${text} (signed paper statement of the applicant)` },
      changes: { closedOn: kzDate(at) },
    }));
    return this.done(record);
  }

  /** The applicant withdraws their own complaint. */
  async withdraw(complaintId: string, reason: string): Promise<StatusMark> {
    const { iin } = requireRole(this.auth, 'citizen');
    const text = required('reason', markText(reason, 'reason'));
    const tracked = await this.complaints.byId(complaintId);
    if (!tracked) throw new NotFound('Complaint', complaintId);
    if (tracked.applicantIin !== iin) throw new Forbidden('Only the applicant may withdraw the complaint');
    const at = this.deps.clock.now();
    const record = await appendMark(this.deps.db, tracked, K.WITHDRAWN, () => ({
      mark: { at, actorId: null, note: text },
      changes: { closedOn: kzDate(at) },
    }));
    return this.done(record);
  }
}
