import type { EntityManager } from 'typeorm';
import { TrackedComplaint } from '../complaints';
import { StatusMarkRepository } from '../marks';

/** Which complaints a statistic counts: filed with this provider, in this unit, within [from, before). */
export interface StatisticsScope {
  serviceProviderId?: string | null;
  katoCode?: string | null;
  submittedFrom?: Date;
  submittedBefore?: Date;
}

/** The queries behind the inter-agency statistics. */
export class StatisticsRepository {
  constructor(private readonly em: EntityManager) {}

  complaints(scope: StatisticsScope): Promise<TrackedComplaint[]> {
    const q = this.em.getRepository(TrackedComplaint).createQueryBuilder('c');
    if (scope.serviceProviderId) q.andWhere('c.serviceProviderId = :sp', { sp: scope.serviceProviderId });
    if (scope.katoCode) q.andWhere('c.katoCode = :kato', { kato: scope.katoCode });
    if (scope.submittedFrom) q.andWhere('c.submittedAt >= :from', { from: scope.submittedFrom });
    if (scope.submittedBefore) q.andWhere('c.submittedAt < :to', { to: scope.submittedBefore });
    return q.getMany();
  }

  forwardsOf(complaintIds: string[]) {
    return new StatusMarkRepository(this.em).forwardsOf(complaintIds);
  }
}
