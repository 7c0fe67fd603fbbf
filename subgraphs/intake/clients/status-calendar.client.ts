import type { Logger } from '../../../platform/logger';
import { callService } from '../../../platform/service-client';
import { weekdayOnOrAfter } from '../validation';

const NEXT_WORKING_DAY = /* GraphQL */ `
  query NextWorkingDay($from: Date!) { addWorkingDays(from: $from, days: 1) }
`;

/** Less than the filing's own budget: a slow status costs a filing at most this, then the fallback applies. */
const TIMEOUT_MS = 2000;

/**
 * Asks the status subgraph (owner of the working-day calendar) for the first working day on or after a date:
 * `addWorkingDays(date - 1 day, 1)`. Intake reads none of status's tables. When status does not answer (or
 * refuses the date), a citizen's filing is not refused for it: the date is moved off a Saturday or Sunday only
 * (holidays unknown), and the fallback is logged.
 */
export class StatusCalendarClient {
  constructor(
    /** Read at each call: the system learns status's address after start (`learnPeers`). */
    private readonly url: () => string,
    private readonly serviceToken: () => Promise<string>,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {}

  readonly workingDayOnOrAfter = async (date: string): Promise<string> => {
    try {
      const data = await callService<{ addWorkingDays: string }>(
        this.url(),
        NEXT_WORKING_DAY,
        { from: dayBefore(date) },
        `Bearer ${await this.serviceToken()}`,
        TIMEOUT_MS,
      );
      return data.addWorkingDays;
    } catch (err) {
      this.logger?.warn({ err, date }, 'status did not give the next working day; moving the deadline off weekends only');
      return weekdayOnOrAfter(date);
    }
  };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
