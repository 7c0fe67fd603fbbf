import type { DataSource } from 'typeorm';
import { requireRole, type AuthState } from '../../platform/auth';
import { NotFound } from '../../platform/errors';
import { maskApplicantData } from '../../platform/personal-data';
import type { ComplaintAccess } from './access';
import { StatusMarkKind } from '../../platform/enums';
import { isOverdue } from './registration';
import { courtDeadline, reviewTerms } from './review-terms';
import { StatusMarkRecord } from './status-mark.entity';
import { toStatusMark } from './status-mark.mapper';
import type { StatusMark } from './status-mark.type';
import type { NextStep } from './complaint-status.type';
import { TrackedComplaint } from './tracked-complaint.entity';

/** Reading a complaint's timeline and terms. */
export class StatusService {
  private readonly cache = new Map<string, Promise<TrackedComplaint | null>>();

  constructor(
    private readonly db: DataSource,
    private readonly auth: AuthState,
    private readonly access: ComplaintAccess,
  ) {}

  /** Once per request and complaint: every field of one complaint reads the row once. */
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
    const tracked = await this.db.getRepository(TrackedComplaint).findOneBy({ complaintId });
    if (tracked) await this.access.requireRead(tracked);
    return tracked;
  }

  async status(complaintId: string): Promise<StatusMarkKind> {
    return (await this.tracked(complaintId))?.status ?? StatusMarkKind.DELIVERED;
  }

  async marks(complaintId: string): Promise<StatusMark[]> {
    const tracked = await this.tracked(complaintId);
    const rows = await this.db.getRepository(StatusMarkRecord).find({ where: { complaintId }, order: { seq: 'ASC' } });
    return rows.map((r) => this.shown(toStatusMark(r), tracked));
  }

  async markById(id: string): Promise<StatusMark | null> {
    const record = await this.db.getRepository(StatusMarkRecord).findOneBy({ id });
    if (!record) return null;
    const tracked = await this.tracked(record.complaintId); // the viewer must be allowed to see the complaint
    return this.shown(toStatusMark(record), tracked);
  }

  /** Inter-agency consumers read notes depersonalised: the applicant's data masked where it appears. */
  private shown(mark: StatusMark, tracked: TrackedComplaint | null): StatusMark {
    if (this.auth.principal?.role !== 'agency') return mark;
    return { ...mark, note: maskApplicantData(mark.note, { iin: tracked?.applicantIin, names: tracked?.applicantNames ?? [] }) };
  }

  /** Who has the complaint now; before status has heard of it (its filing event is on the way), intake's choice. */
  async currentHandler(complaintId: string, filedHandlerId: string | null): Promise<{ id: string }> {
    const t = await this.tracked(complaintId);
    const id = t?.handlerId ?? filedHandlerId;
    if (!id) throw new NotFound('Complaint', complaintId);
    return { id };
  }

  async overdue(complaintId: string): Promise<boolean> {
    const t = await this.tracked(complaintId);
    return !!t && isOverdue(t.reviewDueOn, t.closedOn, new Date());
  }

  /** After REVIEWED: the court, within a month (APPC Art. 136). */
  async nextStep(complaintId: string): Promise<NextStep | null> {
    const t = await this.tracked(complaintId);
    if (!t || t.status !== StatusMarkKind.REVIEWED || !t.closedOn) return null;
    return {
      descriptionKk: 'Шешіммен келіспеген жағдайда сотқа жүгіну',
      descriptionRu: 'При несогласии с решением — обращение в суд',
      deadline: courtDeadline(t.closedOn),
      legalBasis: reviewTerms.court.source,
    };
  }
}
