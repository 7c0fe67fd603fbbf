import { ReviewBodyKind, StatusMarkKind as K } from '../../../contracts/enums';
import {
  appealDeadline,
  effectiveReviewDueOn,
  extendedReviewDueOn,
  forwardTiming,
  nextStep,
  overdueReason,
  registrationDueOf,
} from './complaint-terms';
import { NextStepCode, OverdueReason } from './terms.type';
import { extensionLimit, forwardDueOn, monthsTermEnd, reviewDueOn } from './review-terms';
import type { TrackedComplaint } from '../complaints/tracked-complaint.entity';
import { kzCalendar } from '../calendar/kz-calendar';

// November 2025 has no public holidays: 15–16 and 22–23 are weekends.
function complaint(over: Partial<TrackedComplaint> = {}): TrackedComplaint {
  return {
    status: K.DELIVERED,
    submittedAt: new Date('2025-11-15T05:00:00Z'), // Saturday 10:00 in Astana
    receivedOn: '2025-11-15',
    forwardedLate: false,
    reviewDueOn: null,
    originalDueOn: null,
    closedOn: null,
    reviewBodyKind: ReviewBodyKind.SERVICE_PROVIDER,
    ...over,
  } as TrackedComplaint;
}

describe('registration due (APPC Art. 63(2))', () => {
  it('APPC Art. 63(2): received on a Saturday, registration is due on Monday', () => {
    expect(registrationDueOf(complaint())).toBe('2025-11-17');
  });

  it('APPC Art. 63(2): received on a working day, registration is due that day', () => {
    expect(registrationDueOf(complaint({ receivedOn: '2025-11-18' }))).toBe('2025-11-18');
  });

  it('APPC Art. 63(2): reads the receipt day in Kazakhstan time when the row predates receivedOn', () => {
    // 20:00 UTC Friday 14 November is 01:00 Saturday in Astana.
    const old = complaint({ receivedOn: null, submittedAt: new Date('2025-11-14T20:00:00Z') });
    expect(registrationDueOf(old)).toBe('2025-11-17');
  });

  it('APPC Art. 63(2): not registered by the end of the due day → overdue REGISTRATION; on the day itself not', () => {
    expect(overdueReason(complaint(), '2025-11-17')).toBeNull();
    expect(overdueReason(complaint(), '2025-11-18')).toBe(OverdueReason.REGISTRATION);
  });

  it('APPC Art. 63(2): a late registration gives no extra time — the term counts from the due day', () => {
    // Registration was due Monday 17 November; 5 working days from it end on Monday 24 November whatever day
    // the official registered (the service counts from registrationDueOf, not from the click).
    expect(reviewDueOn(registrationDueOf(complaint()), ReviewBodyKind.SERVICE_PROVIDER)).toBe('2025-11-24');
    expect(effectiveReviewDueOn(complaint())).toBe('2025-11-24');
  });
});

describe('review term (Law "On Public Services" Art. 25)', () => {
  it('Art. 25: 15 working days at the quality-control body, 5 at a provider', () => {
    expect(reviewDueOn('2025-11-17', ReviewBodyKind.QUALITY_CONTROL_BODY)).toBe('2025-12-08');
    expect(reviewDueOn('2025-11-17', ReviewBodyKind.SERVICE_PROVIDER)).toBe('2025-11-24');
  });

  it('Art. 25: overdue REVIEW the day after the term while open, and for good when decided late', () => {
    const registered = complaint({ status: K.REGISTERED, reviewDueOn: '2025-11-24' });
    expect(overdueReason(registered, '2025-11-24')).toBeNull();
    expect(overdueReason(registered, '2025-11-25')).toBe(OverdueReason.REVIEW);
    const late = complaint({ status: K.REVIEWED, reviewDueOn: '2025-11-24', closedOn: '2025-11-26' });
    expect(overdueReason(late, '2026-03-01')).toBe(OverdueReason.REVIEW);
    const onTime = complaint({ status: K.REVIEWED, reviewDueOn: '2025-11-24', closedOn: '2025-11-24' });
    expect(overdueReason(onTime, '2026-03-01')).toBeNull();
  });
});

describe('forwarding (APPC Art. 65, Art. 91(4))', () => {
  it('APPC Art. 65: forwarding is due 3 working days after receipt', () => {
    expect(forwardDueOn('2025-11-14')).toBe('2025-11-19'); // Fri → Mon, Tue, Wed
    expect(forwardDueOn('2025-11-15')).toBe('2025-11-19'); // Sat → Mon, Tue, Wed
  });

  it('APPC Art. 65: a late forward shows FORWARDING until the new body registers it, then its own terms run', () => {
    const forwarded = complaint({ status: K.FORWARDED, receivedOn: '2025-11-20', forwardedLate: true });
    expect(overdueReason(forwarded, '2025-11-20')).toBe(OverdueReason.FORWARDING);
    // The new body received it on 20 November: its registration was due that day.
    expect(overdueReason(forwarded, '2025-11-21')).toBe(OverdueReason.REGISTRATION);
    const registered = complaint({ status: K.REGISTERED, receivedOn: '2025-11-20', reviewDueOn: '2025-11-27' });
    expect(overdueReason(registered, '2025-11-21')).toBeNull();
  });
});

function errorOf(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (err) {
    return (err as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('expected an error');
}

describe('extension (APPC Art. 76)', () => {
  const registered = complaint({ status: K.REGISTERED, reviewDueOn: '2025-11-24', originalDueOn: '2025-11-24' });

  it('APPC Art. 76: extended before the term ends, up to and including its last day', () => {
    expect(extendedReviewDueOn(registered, 2, '2025-11-20')).toBe('2025-11-26');
    expect(extendedReviewDueOn(registered, 2, '2025-11-24')).toBe('2025-11-26');
  });

  it('APPC Art. 76: after the term ended → CONFLICT (the overdue that happened stays)', () => {
    expect(errorOf(() => extendedReviewDueOn(registered, 2, '2025-11-25'))).toMatchObject({
      code: 'CONFLICT',
      reason: 'TERM_EXPIRED',
      reviewDueOn: '2025-11-24',
    });
    expect(overdueReason(registered, '2025-11-25')).toBe(OverdueReason.REVIEW);
  });

  it('APPC Art. 76: never past 2 months after the original term in total', () => {
    const extended = { ...registered, reviewDueOn: '2026-01-16' };
    expect(extendedReviewDueOn(extended, 5, '2026-01-10')).toBe('2026-01-23');
    expect(errorOf(() => extendedReviewDueOn(extended, 6, '2026-01-10'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'workingDays',
      latestDueOn: '2026-01-24',
    });
  });

  it('APPC Art. 76: an unregistered complaint has no term to extend', () => {
    expect(errorOf(() => extendedReviewDueOn(complaint(), 1, '2025-11-17')).code).toBe('CONFLICT');
  });
});

describe('forward timing (APPC Art. 65)', () => {
  it('APPC Art. 65: on or before the third working day after receipt is in time; after it is late', () => {
    expect(forwardTiming(complaint({ receivedOn: '2025-11-14' }), '2025-11-19')).toEqual({ dueOn: '2025-11-19', late: false });
    expect(forwardTiming(complaint({ receivedOn: '2025-11-14' }), '2025-11-20')).toEqual({ dueOn: '2025-11-19', late: true });
  });
});

describe('extension cap (APPC Art. 76)', () => {
  it('APPC Art. 76: extensions reach at most 2 months past the original term, for every kind of body', () => {
    expect(extensionLimit('2025-11-24', ReviewBodyKind.SERVICE_PROVIDER)).toBe('2026-01-24');
    // No shorter cap for the quality-control body is confirmed (data/review-terms.json, extension.qualityControlBody).
    expect(extensionLimit('2025-12-08', ReviewBodyKind.QUALITY_CONTROL_BODY)).toBe('2026-02-08');
  });
});

describe('court deadline (APPC Art. 136)', () => {
  it('APPC Art. 136: a decision on 2025-09-25 gives Tuesday 2025-10-28, not Saturday 2025-10-25', () => {
    // 25–26 October 2025 are a weekend and Monday 27 October the day off for Republic Day (25 October).
    const decided = complaint({ status: K.REVIEWED, reviewDueOn: '2025-09-26', closedOn: '2025-09-25' });
    const deadline = appealDeadline(decided);
    expect(deadline).not.toBe('2025-10-25');
    expect(deadline).toBe('2025-10-28');
    expect(kzCalendar.isWorkingDay(deadline!)).toBe(true);
  });

  it('APPC Art. 136: a month ending on a working day is not moved; none before the decision', () => {
    expect(monthsTermEnd('2025-10-28', 1)).toBe('2025-11-28');
    expect(appealDeadline(complaint({ status: K.REGISTERED, reviewDueOn: '2025-11-24' }))).toBeNull();
  });
});

describe('next step for the applicant (APPC Art. 136, Art. 92; Law "On Public Services" Art. 25)', () => {
  it('APPC Art. 136: after the decision, the court with the appeal deadline', () => {
    const decided = complaint({ status: K.REVIEWED, reviewDueOn: '2025-11-24', closedOn: '2025-11-14' });
    expect(nextStep(decided, '2025-11-20')).toMatchObject({ code: NextStepCode.COURT, deadline: '2025-12-15' });
  });

  it('Art. 25 / APPC Art. 92: no decision in the term → the quality-control body (or court) within 3 months', () => {
    const open = complaint({ status: K.IN_EXECUTION, reviewDueOn: '2025-11-24' });
    expect(nextStep(open, '2025-11-24')).toBeNull();
    const step = nextStep(open, '2025-11-25');
    expect(step).toMatchObject({ code: NextStepCode.QUALITY_CONTROL_BODY, deadline: '2026-02-25' });
    expect(step!.descriptionRu).toMatch(/суд/);
  });

  it('APPC Art. 136: the quality-control body itself let the term pass → the court', () => {
    const open = complaint({ status: K.REGISTERED, reviewDueOn: '2025-12-08', reviewBodyKind: ReviewBodyKind.QUALITY_CONTROL_BODY });
    expect(nextStep(open, '2025-12-09')).toMatchObject({ code: NextStepCode.COURT, deadline: '2026-01-09' });
  });

  it('Art. 25: a complaint never registered still has its term, counted from the registration due day', () => {
    expect(nextStep(complaint(), '2025-11-25')).toMatchObject({ code: NextStepCode.QUALITY_CONTROL_BODY });
    expect(nextStep(complaint({ status: K.WITHDRAWN, closedOn: '2025-11-18' }), '2025-11-25')).toBeNull();
  });
});
