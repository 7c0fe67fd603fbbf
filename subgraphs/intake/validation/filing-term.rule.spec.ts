import { checkFilingTerm, filingDeadline } from './filing-term.rule';

function problemOf(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (err) {
    return { code: (err as any).extensions.code, field: (err as any).extensions.field };
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('filing term (APPC Art. 92)', () => {
  it('APPC Art. 92: the deadline is 3 calendar months from the day the applicant learned of the act', () => {
    expect(filingDeadline('2025-06-10')).toBe('2025-09-10');
    expect(filingDeadline('2025-11-30')).toBe('2026-02-28'); // clamped to the month's last day
  });

  it('APPC Art. 92: filed on the last day is in time, and a reason given then is not kept', () => {
    expect(checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: 'болел' }, '2025-09-10')).toEqual({
      violationLearnedOn: '2025-06-10',
      lateFilingReason: null,
    });
  });

  it('APPC Art. 92: more than 3 months later is refused without a reason, on input.lateFilingReason', () => {
    expect(problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-06-10' }, '2025-09-11'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.lateFilingReason',
    });
    expect(problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: '   ' }, '2025-09-11')).field).toBe(
      'input.lateFilingReason',
    );
    // Invisible characters are no reason (platform/text.ts).
    expect(problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: '\u200b\u2800' }, '2025-09-11')).field).toBe(
      'input.lateFilingReason',
    );
  });

  it('APPC Art. 92: more than 3 months later is accepted with a reason, kept trimmed', () => {
    expect(checkFilingTerm({ violationLearnedOn: '2025-06-10', lateFilingReason: ' был в больнице ' }, '2025-09-11')).toEqual({
      violationLearnedOn: '2025-06-10',
      lateFilingReason: 'был в больнице',
    });
  });

  it('APPC Art. 92: a date after the filing date is refused on input.violationLearnedOn; no date, no term', () => {
    expect(problemOf(() => checkFilingTerm({ violationLearnedOn: '2025-09-12' }, '2025-09-11')).field).toBe('input.violationLearnedOn');
    expect(checkFilingTerm({}, '2025-09-11')).toEqual({ violationLearnedOn: null, lateFilingReason: null });
  });
});
