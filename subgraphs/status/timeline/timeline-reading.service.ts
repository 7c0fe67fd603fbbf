import { requireRole, type AuthState } from '../../../platform/auth';
import type { Clock } from '../../../platform/clock';
import { NotFound, ServiceUnavailable } from '../../../platform/errors';
import { maskApplicantData } from '../../../platform/personal-data';
import { StatusMarkKind, type ReviewBodyKind } from '../../../contracts/enums';
import { kzDate } from '../../../platform/scalars';
import type { ComplaintAccess } from '../access';
import type { StatusDirectoryClient } from '../clients';
import { isOpen, type TrackedComplaint, type TrackedComplaintRepository } from '../complaints';
import { toStatusMark, type StatusMark, type StatusMarkRepository } from '../marks';
import { complaintTerms as terms, forwardDueOn, type NextStep, type OverdueReason } from '../terms';

/** Reading a complaint's timeline and terms. */
export class TimelineReadingService {
  private readonly cache = new Map<string, Promise<TrackedComplaint | null>>();

  constructor(
    private readonly complaints: TrackedComplaintRepository,
    private readonly marksOnRecord: StatusMarkRepository,
    private readonly auth: AuthState,
    private readonly access: ComplaintAccess,
    private readonly clock: Clock,
    private readonly directory: StatusDirectoryClient,
  ) {}

  /**
   * A subscription's context lasts as long as the subscription: each of its events starts here, so the fields of
   * the mark's complaint show the complaint as it is now, not as it was at the first event.
   */
  forgetReads(): void {
    this.cache.clear();
  }

  /** Once per request (per subscription event) and complaint: every field of one complaint reads the row once. */
  tracked(complaintId: string): Promise<TrackedComplaint | null> {
    let found = this.cache.get(complaintId);
    if (!found) {
      found = this.load(complaintId);
      this.cache.set(complaintId, found);
    }
    return found;
  }

  private async load(complaintId: string): Promise<TrackedComplaint | null> {
    requireRole(this.auth);
    const tracked = await this.complaints.byId(complaintId);
    if (tracked) await this.access.requireRead(tracked);
    return tracked;
  }

  async status(complaintId: string): Promise<StatusMarkKind> {
    return (await this.tracked(complaintId))?.status ?? StatusMarkKind.DELIVERED;
  }

  async marks(complaintId: string): Promise<StatusMark[]> {
    const tracked = await this.tracked(complaintId);
    const rows = await this.marksOnRecord.ofComplaint(complaintId);
    return rows.map((r) => this.shown(toStatusMark(r, tracked?.number), tracked));
  }

  async markById(id: string): Promise<StatusMark | null> {
    const record = await this.marksOnRecord.byId(id);
    if (!record) return null;
    const tracked = await this.tracked(record.complaintId); // the viewer must be allowed to see the complaint
    return this.shown(toStatusMark(record, tracked?.number), tracked);
  }

  /** Inter-agency consumers read notes depersonalised: the applicant's data masked where it appears. */
  private shown(mark: StatusMark, tracked: TrackedComplaint | null): StatusMark {
    if (this.auth.principal?.role !== 'agency') return mark;
    return { ...mark, note: maskApplicantData(mark.note, { iin: tracked?.applicantIin, names: tracked?.applicantNames ?? [] }) };
  }

  /** Status's copy of the number intake gave at filing (it never changes). */
  async number(complaintId: string): Promise<string> {
    return (await this.known(complaintId)).number;
  }

  /** Who has the complaint now; before status has heard of it (its filing event is on the way), intake's choice. */
  async currentHandler(complaintId: string, filedHandlerId: string | null): Promise<{ id: string }> {
    const t = await this.tracked(complaintId);
    const id = t?.handlerId ?? filedHandlerId;
    if (!id) throw new NotFound('Complaint', complaintId);
    return { id };
  }

  /** For fields that cannot be null: status learns of a complaint from intake's event, a moment after filing. */
  private async known(complaintId: string): Promise<TrackedComplaint> {
    const t = await this.tracked(complaintId);
    if (!t) throw new ServiceUnavailable(`Status has not received complaint ${complaintId} from intake yet; retry shortly`);
    return t;
  }

  private today(): string {
    return kzDate(this.clock.now());
  }

  /**
   * From status's own record (the body that has the complaint now); before status has the filing event, from the
   * filing instant intake gives (`@requires(fields: "submittedAt")`): received when filed.
   */
  async registrationDueOn(complaintId: string, submittedAt?: string | Date): Promise<string> {
    const t = await this.tracked(complaintId);
    if (t) return terms.registrationDueOf(t);
    if (!submittedAt) return terms.registrationDueOf(await this.known(complaintId));
    return terms.registrationDueOf({ receivedOn: null, submittedAt: new Date(submittedAt) });
  }

  /** While the complaint is open: 3 working days from its receipt by the body that has it (APPC Art. 65). */
  async forwardDueOn(complaintId: string): Promise<string | null> {
    const t = await this.tracked(complaintId);
    return t && isOpen(t.status) ? forwardDueOn(terms.receivedOnOf(t)) : null;
  }

  /**
   * From status's own record (it follows forwards); before status has the filing event, the directory's kind of
   * body for the official intake chose at filing (`@requires(fields: "handler { id }")`), as intake stored it.
   */
  async reviewBodyKind(complaintId: string, filingHandlerId?: string): Promise<ReviewBodyKind> {
    const t = await this.tracked(complaintId);
    if (t) return t.reviewBodyKind;
    const kind = filingHandlerId ? (await this.directory.official(filingHandlerId))?.body?.kind : undefined;
    if (kind) return kind;
    return (await this.known(complaintId)).reviewBodyKind;
  }

  async overdueReason(complaintId: string): Promise<OverdueReason | null> {
    const t = await this.tracked(complaintId);
    return t ? terms.overdueReason(t, this.today()) : null;
  }

  async overdue(complaintId: string): Promise<boolean> {
    return (await this.overdueReason(complaintId)) !== null;
  }

  async appealDeadline(complaintId: string): Promise<string | null> {
    const t = await this.tracked(complaintId);
    return t ? terms.appealDeadline(t) : null;
  }

  /** After the decision: the court (APPC Art. 136); after the review term with no decision: what the applicant can do. */
  async nextStep(complaintId: string): Promise<NextStep | null> {
    const t = await this.tracked(complaintId);
    return t ? terms.nextStep(t, this.today()) : null;
  }
}
