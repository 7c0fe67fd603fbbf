import { requireRole, type AuthState } from '../../platform/auth';
import { BadUserInput, Forbidden, NotFound } from '../../platform/errors';
import { ReviewBodyKind, StatusMarkKind as K, type ReviewResult } from '../../platform/enums';
import { kzDate } from '../../platform/scalars';
import type { ComplaintAccess } from './access';
import { recordForward } from './access/forward-record';
import { bodyOf, type DirectoryOfficial } from './directory.client';
import { appendMark } from './mark-writer';
import { registrationMoment, registrationNumber } from './registration';
import { extensionLimit, reviewDueOn } from './review-terms';
import type { StatusDeps } from './status.deps';
import { toStatusMark } from './status-mark.mapper';
import type { StatusMark } from './status-mark.type';
import { TrackedComplaint } from './tracked-complaint.entity';
import { kzCalendar } from './working-calendar';

const MAX_TEXT = 4000;
const MAX_EXTENSION_WORKING_DAYS = 60;

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new BadUserInput(`${field} must not be empty`, field);
  if (text.length > MAX_TEXT) throw new BadUserInput(`${field} is longer than ${MAX_TEXT} characters`, field);
  return text;
}

/** The review body kind for a new handler: known from the directory for providers and akimats, else kept. */
function bodyKindOf(official: DirectoryOfficial, fallback: ReviewBodyKind): ReviewBodyKind {
  if (official.serviceProvider) return ReviewBodyKind.SERVICE_PROVIDER;
  if (official.administrativeUnit) return ReviewBodyKind.LOCAL_EXECUTIVE_BODY;
  return fallback;
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

  /** Officials, and the office clerks of the handling body (who register the paper complaints they receive). */
  async register(complaintId: string): Promise<StatusMark> {
    const { officialId } = await this.actor(complaintId, 'official', 'clerk');
    const at = new Date();
    const { registeredOn, registeredAt } = registrationMoment(at);
    const record = await appendMark(this.deps.db, complaintId, K.REGISTERED, (current) => {
      const number = registrationNumber(current.number, current.version + 1);
      const due = reviewDueOn(registeredOn, current.reviewBodyKind);
      return {
        mark: { at, actorId: officialId, note: `№ ${number}`, dueOn: due },
        changes: { registrationNumber: number, registeredAt, registeredOn, originalDueOn: due, reviewDueOn: due },
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
      mark: { at: new Date(), actorId: officialId, assigneeId: executorId ?? officialId },
    }));
    return this.done(record);
  }

  async recordReviewResult(complaintId: string, result: ReviewResult, note: string): Promise<StatusMark> {
    const text = requiredText(note, 'note');
    const { officialId } = await this.actor(complaintId);
    const at = new Date();
    const record = await appendMark(this.deps.db, complaintId, K.REVIEWED, () => ({
      mark: { at, actorId: officialId, result, note: text },
      changes: { reviewResult: result, closedOn: kzDate(at) },
    }));
    return this.done(record);
  }

  /** APPC Art. 65: to the competent official, who takes over and registers it anew. */
  async forward(complaintId: string, toOfficialId: string, reason: string): Promise<StatusMark> {
    const text = requiredText(reason, 'reason');
    const { officialId, tracked } = await this.actor(complaintId);
    if (toOfficialId === tracked.handlerId) {
      throw new BadUserInput('The complaint is already with this official', 'toOfficialId');
    }
    const to = await this.activeOfficial(toOfficialId, 'toOfficialId');
    const record = await appendMark(this.deps.db, complaintId, K.FORWARDED, (current) => ({
      mark: { at: new Date(), actorId: officialId, assigneeId: to.id, note: text },
      changes: {
        handlerId: to.id,
        handlerBodyId: bodyOf(to),
        reviewBodyKind: bodyKindOf(to, current.reviewBodyKind),
        registrationNumber: null,
        registeredAt: null,
        registeredOn: null,
        originalDueOn: null,
        reviewDueOn: null,
      },
    }), (em, current) => recordForward(em, current, to.id, bodyOf(to))); // the forwarder keeps read access; intake is told
    return this.done(record);
  }

  /** APPC Art. 76: a reasoned extension; all extensions together reach at most 2 months past the original term. */
  async extend(complaintId: string, workingDays: number, reason: string): Promise<StatusMark> {
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
      throw new BadUserInput(`workingDays must be between 1 and ${MAX_EXTENSION_WORKING_DAYS}`, 'workingDays');
    }
    const text = requiredText(reason, 'reason');
    const { officialId } = await this.actor(complaintId);
    const record = await appendMark(this.deps.db, complaintId, K.EXTENDED, (current) => {
      const due = kzCalendar.addWorkingDays(current.reviewDueOn!, workingDays);
      const limit = extensionLimit(current.originalDueOn!);
      if (due > limit) {
        throw new BadUserInput(`Extensions may reach at most ${limit} (APPC Art. 76: 2 months in total)`, 'workingDays', {
          latestDueOn: limit,
        });
      }
      return { mark: { at: new Date(), actorId: officialId, note: text, dueOn: due }, changes: { reviewDueOn: due } };
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
    const at = new Date();
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
    const at = new Date();
    const record = await appendMark(this.deps.db, complaintId, K.WITHDRAWN, () => ({
      mark: { at, actorId: null, note: text },
      changes: { closedOn: kzDate(at) },
    }));
    return this.done(record);
  }
}
