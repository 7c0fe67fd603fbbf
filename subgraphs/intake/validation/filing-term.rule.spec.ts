import { checkFilingTerm, filingDeadline, weekdayOnOrAfter, type WorkingDayOnOrAfter } from './filing-term.rule';

async function problemOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await run();
  } catch (err) {
    return { code: (err as any).extensions.code, field: (err as any).extensions.field };
  }
  throw new Error('expected BAD_USER_INPUT');
}

/** A calendar for the test: weekends and the listed holidays are days off (status owns the real one). */
function calendarWithHolidays(...holidays: string[]): WorkingDayOnOrAfter & { asked: string[] } {
  const asked: string[] = [];
  const fn = (date: string) => {
    asked.push(date);
    let d = date;
    while (holidays.includes(d) || weekdayOnOrAfter(d) !== d) {
      const next = new Date(`${d}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      d = next.toISOString().slice(0, 10);
    }
    return d;
  };
  return Object.assign(fn, { asked });
}

const calendar = calendarWithHolidays('2025-12-16');

describe('filing term (APPC Art. 92)', () => {
  it('APPC Art. 92: the deadline is 3 calendar months from the day the applicant learned of the act', async () => {
    expect(await filingDeadline('2025-06-10', calendar)).toBe('2025-09-10');
    expect(await filingDeadline('2024-11-30', calendar)).toBe('2025-02-28'); // clamped to the month's last day (a Friday)
  });

  it('APPC Art. 92: a 3-month term ending on a non-working day ends on the next working day', async () => {
    expect(await filingDeadline('2025-08-01', calendar)).toBe('2025-11-03'); // Saturday 1 Nov → Monday 3 Nov
    expect(await filingDeadline('2025-11-30', calendar)).toBe('2026-03-02'); // clamped to Saturday 28 Feb → Monday
    expect(await filingDeadline('2025-09-16', calendar)).toBe('2025-12-17'); // a holiday (from the calendar) → next day
  });

  it('APPC Art. 92: without the calendar, the fallback moves a deadline off a Saturday or Sunday only', () => {
    expect(weekdayOnOrAfter('2025-11-01')).toBe('2025-11-03'); // Saturday
    expect(weekdayOnOrAfter('2025-11-02')).toBe('2025-11-03'); // Sunday
    expect(weekdayOnOrAfter('2025-11-04')).toBe('2025-11-04'); // Tuesday
    expect(weekdayOnOrAfter('2025-12-16')).toBe('2025-12-16'); // holidays are not known to the fallback
  });

  it('APPC Art. 92: filed on the last day is in time, and a reason given then is not kept', async () => {
    expect(await checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: 'болел' }, '2025-09-10', calendar)).toEqual({
      violationLearnedOn: '2025-06-10',
      filingDeadline: '2025-09-10',
      lateFilingReason: null,
    });
  });

  it('APPC Art. 92: a term ending on Saturday, filed on the Monday after without a reason, is in time; the Tuesday is late', async () => {
    expect(await checkFilingTerm({ violationLearnedOn: '2025-08-01' }, '2025-11-03', calendar)).toEqual({
      violationLearnedOn: '2025-08-01',
      filingDeadline: '2025-11-03',
      lateFilingReason: null,
    });
    expect(await problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-08-01' }, '2025-11-04', calendar))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.lateFilingReason',
    });
  });

  it('APPC Art. 92: more than 3 months later is refused without a reason, on input.lateFilingReason', async () => {
    expect(await problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-06-10' }, '2025-09-11', calendar))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.lateFilingReason',
    });
    expect((await problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: '   ' }, '2025-09-11', calendar))).field).toBe(
      'input.lateFilingReason',
    );
    // Invisible characters are no reason (platform/text.ts).
    expect(
      (await problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: '\u200b\u2800' }, '2025-09-11', calendar))).field,
    ).toBe('input.lateFilingReason');
  });

  it('APPC Art. 92: more than 3 months later is accepted with a reason, kept trimmed', async () => {
    expect(await checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: ' был в больнице ' }, '2025-09-11', calendar)).toEqual({
      violationLearnedOn: '2025-06-10',
      filingDeadline: '2025-09-10',
      lateFilingReason: 'был в больнице',
    });
  });

  it('APPC Art. 92: a date after the filing date is refused on input.violationLearnedOn; no date, no term; the calendar is not asked', async () => {
    const asked = calendarWithHolidays();
    expect((await problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-09-12' }, '2025-09-11', asked))).field).toBe('input.violationLearnedOn');
    expect(await checkFilingTerm({}, '2025-09-11', asked)).toEqual({ violationLearnedOn: null, filingDeadline: null, lateFilingReason: null });
    expect(asked.asked).toEqual([]);
  });
});
