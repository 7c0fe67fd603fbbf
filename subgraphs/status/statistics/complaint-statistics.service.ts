import { requireRole, type AuthState } from '../../../platform/auth';
import type { Clock } from '../../../platform/clock';
import { Problems } from '../../../platform/validation';
import { StatusMarkKind, type ReviewResult } from '../../../contracts/enums';
import { KZ_UTC_OFFSET_MINUTES, kzDate } from '../../../platform/scalars';
import { complaintTerms, OverdueReason } from '../terms';
import type { ComplaintStatistics, ComplaintStatisticsFilter } from './complaint-statistics.type';
import type { StatisticsRepository } from './statistics.repository';

const { lateForwards, overdueReason, registeredLate } = complaintTerms;
import { kzCalendar, shiftDays } from '../calendar';

/** Start of a Kazakhstan calendar day as an instant. */
function kzStartOf(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - KZ_UTC_OFFSET_MINUTES * 60_000);
}

function countBy<K extends string>(keys: K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
}

/** Statistics for inter-agency consumers and administrators. */
export class ComplaintStatisticsService {
  constructor(
    private readonly repository: StatisticsRepository,
    private readonly auth: AuthState,
    private readonly clock: Clock,
  ) {}

  async statistics(filter: ComplaintStatisticsFilter = {}): Promise<ComplaintStatistics> {
    requireRole(this.auth, 'agency', 'admin');
    const problems = new Problems();
    if (filter.filedFrom && filter.filedTo && filter.filedFrom > filter.filedTo) {
      problems.add('filter.filedFrom', 'filedFrom must not be after filedTo');
    }
    problems.assertNone();
    const rows = await this.repository.complaints({
      serviceProviderId: filter.serviceProviderId,
      katoCode: filter.katoCode,
      submittedFrom: filter.filedFrom ? kzStartOf(filter.filedFrom) : undefined,
      submittedBefore: filter.filedTo ? kzStartOf(shiftDays(filter.filedTo, 1)) : undefined,
    });

    const today = kzDate(this.clock.now());
    const forwards = await this.repository.forwardsOf(rows.map((r) => r.complaintId));
    const forwardDays = new Map<string, string[]>();
    for (const m of forwards) forwardDays.set(m.complaintId, [...(forwardDays.get(m.complaintId) ?? []), kzDate(m.at)]);
    const reasons = rows.map((r) => overdueReason(r, today));
    const reviewed = rows.filter((r) => r.status === StatusMarkKind.REVIEWED && r.reviewResult);
    const timed = reviewed.filter((r) => r.registeredOn && r.closedOn);
    const days = timed.map((r) => kzCalendar.workingDaysBetween(r.registeredOn!, r.closedOn!));
    return {
      total: rows.length,
      byStatus: countBy(rows.map((r) => r.status)).map(({ key, count }) => ({ status: key, count })),
      byResult: countBy(reviewed.map((r) => r.reviewResult as ReviewResult)).map(({ key, count }) => ({
        result: key,
        count,
      })),
      overdue: reasons.filter((r) => r !== null).length,
      byChannel: countBy(rows.flatMap((r) => (r.channel ? [r.channel] : []))).map(({ key, count }) => ({ channel: key, count })),
      byAddressee: countBy(rows.flatMap((r) => (r.addressee ? [r.addressee] : []))).map(({ key, count }) => ({ addressee: key, count })),
      byReviewBodyKind: countBy(rows.map((r) => r.reviewBodyKind)).map(({ key, count }) => ({ reviewBodyKind: key, count })),
      lateRegistrations: rows.filter((r) => registeredLate(r, today)).length,
      lateForwards: rows.reduce((n, r) => n + lateForwards(r.submittedAt, forwardDays.get(r.complaintId) ?? []), 0),
      overdueReviews: reasons.filter((r) => r === OverdueReason.REVIEW).length,
      averageWorkingDaysToReview: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
    };
  }
}
