/** Inter-agency statistics of complaints (`Query.complaintStatistics`). */
export { ComplaintStatisticsResolver } from './complaint-statistics.resolver';
export { ComplaintStatisticsService } from './complaint-statistics.service';
export { StatisticsRepository } from './statistics.repository';
