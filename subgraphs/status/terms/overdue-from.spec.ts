import { ReviewBodyKind, StatusMarkKind as K } from '../../../contracts/enums';
import { lateForwards, overdueFrom, overdueReason, registeredLate } from './complaint-terms';
import type { TrackedComplaint } from '../complaints/tracked-complaint.entity';
import { shiftDays } from '../calendar/kz-calendar';

// November 2025 has no public holidays: 15–16, 22–23 and 29–30 are weekends.
function complaint(over: Partial<TrackedComplaint> = {}): TrackedComplaint {
  return {
    status: K.DELIVERED,
    submittedAt: new Date('2025-11-15T05:00:00Z'), // Saturday 10:00 in Astana
    receivedOn: '2025-11-15',
    forwardedLate: false,
    reviewDueOn: null,
    originalDueOn: null,
    registeredOn: null,
    closedOn: null,
    reviewBodyKind: ReviewBodyKind.SERVICE_PROVIDER,
    ...over,
  } as TrackedComplaint;
}

const states: [string, Partial<TrackedComplaint>][] = [
  ['delivered, received on a Saturday', {}],
  ['forwarded late, not registered yet', { status: K.FORWARDED, receivedOn: '2025-11-21', forwardedLate: true }],
  ['forwarded in time', { status: K.FORWARDED, receivedOn: '2025-11-18' }],
  ['registered, open', { status: K.REGISTERED, registeredOn: '2025-11-17', reviewDueOn: '2025-11-24' }],
  ['reviewed in time', { status: K.REVIEWED, reviewDueOn: '2025-11-24', closedOn: '2025-11-20' }],
  ['reviewed late', { status: K.REVIEWED, reviewDueOn: '2025-11-24', closedOn: '2025-11-26' }],
  ['withdrawn before registration', { status: K.WITHDRAWN, closedOn: '2025-11-19' }],
];

describe('overdueFrom: the day overdueReason starts, for intake\'s list filter', () => {
  it.each(states)('%s: overdue on a day exactly when that day is on or after overdueFrom', (_name, over) => {
    const t = complaint(over);
    const from = overdueFrom(t);
    const firstDay = t.closedOn ?? t.receivedOn!;
    for (let day = firstDay; day <= '2025-12-31'; day = shiftDays(day, 1)) {
      expect([day, overdueReason(t, day) !== null]).toEqual([day, from !== null && day >= from]);
    }
  });

  it('starts the day after registration was due (Monday 17 November for a Saturday receipt)', () => {
    expect(overdueFrom(complaint())).toBe('2025-11-18');
    expect(overdueFrom(complaint(states[5][1]))).toBe('2025-11-25');
    expect(overdueFrom(complaint(states[4][1]))).toBeNull();
  });
});

describe('statistics rules', () => {
  it('a registration is late after the day it was due for the body that has the complaint', () => {
    expect(registeredLate(complaint({ status: K.REGISTERED, registeredOn: '2025-11-17', reviewDueOn: '2025-11-24' }), '2025-11-30')).toBe(false);
    expect(registeredLate(complaint({ status: K.REGISTERED, registeredOn: '2025-11-18', reviewDueOn: '2025-11-24' }), '2025-11-30')).toBe(true);
    expect(registeredLate(complaint(), '2025-11-17')).toBe(false);
    expect(registeredLate(complaint(), '2025-11-18')).toBe(true);
  });

  it('each forward counts from the day its body received the complaint (3 working days, APPC Art. 65)', () => {
    const filed = new Date('2025-11-17T05:00:00Z'); // Monday: due Thursday 20 November
    expect(lateForwards(filed, [])).toBe(0);
    expect(lateForwards(filed, ['2025-11-20'])).toBe(0);
    expect(lateForwards(filed, ['2025-11-21'])).toBe(1);
    // The second body received it on Friday 21st: its term ends Wednesday 26th.
    expect(lateForwards(filed, ['2025-11-21', '2025-11-26'])).toBe(1);
    expect(lateForwards(filed, ['2025-11-21', '2025-11-27'])).toBe(2);
  });
});
