import type { DataSource } from 'typeorm';
import { requireRole, type AuthState } from '../../platform/auth';
import { Forbidden } from '../../platform/errors';
import { StatusMarkKind } from '../../platform/enums';
import { StatusMarkRecord } from './status-mark.entity';
import { toStatusMark } from './status-mark.mapper';
import type { StatusMark } from './status-mark.type';
import { TrackedComplaint } from './tracked-complaint.entity';

/** Reading a complaint's timeline. */
export class StatusService {
  constructor(
    private readonly db: DataSource,
    private readonly auth: AuthState,
  ) {}

  async tracked(complaintId: string): Promise<TrackedComplaint | null> {
    const viewer = requireRole(this.auth);
    const tracked = await this.db.getRepository(TrackedComplaint).findOneBy({ complaintId });
    if (tracked && viewer.role === 'citizen' && tracked.applicantIin !== viewer.iin) {
      throw new Forbidden('This complaint belongs to another applicant');
    }
    return tracked;
  }

  async status(complaintId: string): Promise<StatusMarkKind> {
    return (await this.tracked(complaintId))?.status ?? StatusMarkKind.DELIVERED;
  }

  async marks(complaintId: string): Promise<StatusMark[]> {
    await this.tracked(complaintId);
    const rows = await this.db.getRepository(StatusMarkRecord).find({ where: { complaintId }, order: { seq: 'ASC' } });
    return rows.map(toStatusMark);
  }
}
