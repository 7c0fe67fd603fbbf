/**
 * The current instant, injected wherever a legal term depends on "now" (filing date, registration, overdue,
 * extensions), so tests can set the date instead of depending on today's. Production uses `systemClock`;
 * there is no setting that fixes the time in a running service.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets and moves (never used outside tests and benchmarks). */
export class SettableClock implements Clock {
  private at: number;

  constructor(at: Date | string) {
    this.at = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at).getTime();
  }
}
