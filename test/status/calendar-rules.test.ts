import { CALENDAR_RULES, SEED_ENTRIES, type CalendarEntry } from '../../subgraphs/status/calendar/calendar-data';
import { WorkingCalendar } from '../../subgraphs/status/calendar/working-calendar';
import { addMonths, isProvisionalTerm, kzCalendar } from '../../subgraphs/status/calendar/kz-calendar';

const codeOf = (f: () => unknown): { code?: string; field?: string } => {
  try {
    f();
  } catch (err) {
    const ext = (err as { extensions?: { code?: string; field?: string } }).extensions ?? {};
    return { code: ext.code, field: ext.field };
  }
  return {};
};

/** A naive reference: step day by day (used only on small spans to check the indexed computation). */
function naiveAdd(cal: WorkingCalendar, from: string, days: number): string {
  const step = days < 0 ? -1 : 1;
  let t = Date.parse(`${from}T00:00:00Z`);
  for (let left = Math.abs(days); left > 0; ) {
    t += step * 86_400_000;
    if (cal.isWorkingDay(new Date(t).toISOString().slice(0, 10))) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

describe('holidays valid for ranges of years (Law "On Holidays")', () => {
  it('30 August is a holiday up to 2025 only: Saturday 30 August 2025 moves to 1 September; 31 August 2026 is working', () => {
    expect(kzCalendar.isWorkingDay('2025-09-01')).toBe(false);
    expect(kzCalendar.isWorkingDay('2024-08-30')).toBe(false);
    expect(kzCalendar.isWorkingDay('2026-08-31')).toBe(true);
    expect(kzCalendar.isWorkingDay('2027-08-30')).toBe(true); // a Monday
  });

  it('25 October is a holiday from 2022 (Tuesday 25 October 2022 off) and not before (Friday 25 October 2019 working)', () => {
    expect(kzCalendar.isWorkingDay('2022-10-25')).toBe(false);
    expect(kzCalendar.isWorkingDay('2019-10-25')).toBe(true);
  });

  it('15 March (Constitution Day of the 2026 Constitution) from 2027: Monday 15 March 2027 off, Friday 15 March 2024 working', () => {
    expect(kzCalendar.isWorkingDay('2027-03-15')).toBe(false);
    expect(kzCalendar.isWorkingDay('2024-03-15')).toBe(true);
  });

  it('7 January and Kurban Ait never move (Labour Code Art. 85(1)): Sunday 7 January 2024 and Sunday 16 June 2024 give no extra day', () => {
    expect(kzCalendar.isWorkingDay('2024-01-08')).toBe(true);
    expect(kzCalendar.isWorkingDay('2024-06-17')).toBe(true);
  });
});

describe('coverage and provisional results', () => {
  it('declares the covered years', () => {
    expect(kzCalendar.coveredYears()).toEqual([2023, 2024, 2025, 2026]);
    expect(kzCalendar.isCovered(2027)).toBe(false);
  });

  it('a term inside covered years is final; one reaching into 2027 is provisional, naming 2027', () => {
    expect(kzCalendar.addWorkingDaysChecked('2026-11-02', 15)).toEqual({ date: '2026-11-23', provisional: false, uncoveredYears: [] });
    const across = kzCalendar.addWorkingDaysChecked('2026-12-21', 15);
    expect(across).toMatchObject({ provisional: true, uncoveredYears: [2027] });
    // computed from weekends and fixed holidays: 1 January, 4 January (Saturday 2 January moves) and 7 January off
    expect(across.date).toBe('2027-01-14');
    expect(isProvisionalTerm('2026-12-21', across.date)).toBe(true);
    expect(isProvisionalTerm('2025-12-21', '2026-01-20')).toBe(false);
  });

  it('a year without coverage is provisional even when its dates are entered, and a covered year loses coverage without its Kurban Ait', () => {
    const withoutKurban2025 = SEED_ENTRIES.filter((e) => !(e.holidayKind === 'KURBAN_AIT' && e.year === 2025));
    const cal = new WorkingCalendar(CALENDAR_RULES, withoutKurban2025);
    expect(cal.coveredYears()).toEqual([2023, 2024, 2026]);
    expect(cal.addWorkingDaysChecked('2025-06-02', 5).provisional).toBe(true);
    expect(cal.isWorkingDay('2025-06-06')).toBe(true);
  });

  it('counts between dates across years with the provisional flag', () => {
    expect(kzCalendar.workingDaysBetweenChecked('2025-12-31', '2026-12-31')).toEqual({ workingDays: 247, provisional: false, uncoveredYears: [] });
    expect(kzCalendar.workingDaysBetweenChecked('2026-12-31', '2027-01-11').provisional).toBe(true);
  });
});

describe('the indexed computation agrees with stepping day by day', () => {
  it.each([
    ['2025-10-24', 1],
    ['2025-10-20', 5],
    ['2025-10-28', -5],
    ['2024-12-25', 15],
    ['2025-01-10', -12],
    ['2023-12-29', 1],
    ['2026-12-30', 3],
    ['2027-01-04', -3],
    ['2023-06-01', 300],
    ['2026-06-01', -700],
  ])('from %s by %i working days', (from, days) => {
    expect(kzCalendar.addWorkingDays(from as string, days as number)).toBe(naiveAdd(kzCalendar, from as string, days as number));
  });

  it('keeps the old contract: 0 days is the date itself; the next working day on or after; between', () => {
    expect(kzCalendar.addWorkingDays('2025-10-25', 0)).toBe('2025-10-25');
    expect(kzCalendar.workingDayOnOrAfter('2025-10-25')).toBe('2025-10-28');
    expect(kzCalendar.workingDayOnOrAfter('2025-10-28')).toBe('2025-10-28');
    expect(kzCalendar.workingDayOnOrAfter('2025-12-31')).toBe('2025-12-31');
    expect(kzCalendar.workingDayOnOrAfter('2026-12-31')).toBe('2026-12-31');
    expect(kzCalendar.workingDayOnOrAfter('2027-01-01')).toBe('2027-01-05'); // Saturday 2 January 2027 moves to Monday 4
    expect(kzCalendar.workingDaysBetween('2025-10-20', '2025-10-28')).toBe(5);
    expect(kzCalendar.workingDaysBetween('2025-10-28', '2025-10-20')).toBe(0);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
});

describe('bounded input (issue 13 item 1)', () => {
  it('refuses a date past the supported years with BAD_USER_INPUT naming the argument, at once (9999-12-20 used to loop forever)', () => {
    expect(codeOf(() => kzCalendar.addWorkingDays('9999-12-20', 10))).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(codeOf(() => kzCalendar.isWorkingDay('1899-12-31'))).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(codeOf(() => kzCalendar.workingDayOnOrAfter('2201-01-01'))).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(codeOf(() => kzCalendar.workingDaysBetween('2025-01-01', '9999-01-01'))).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('refuses absurd day counts and results past the supported years', () => {
    expect(codeOf(() => kzCalendar.addWorkingDays('2025-01-01', 3661))).toEqual({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(codeOf(() => kzCalendar.addWorkingDays('2025-01-01', -2_000_000_000))).toEqual({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(codeOf(() => kzCalendar.addWorkingDays('2025-01-01', 1.5))).toEqual({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(codeOf(() => kzCalendar.addWorkingDays('2200-12-20', 10))).toEqual({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(codeOf(() => kzCalendar.addWorkingDays('1900-01-10', -10))).toEqual({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(kzCalendar.addWorkingDays('2025-01-01', 3660)).toMatch(/^20[34]\d-\d\d-\d\d$/);
  });

  it('refuses dates that are not calendar dates (2023-02-29, 2025-02-30, yesterday)', () => {
    for (const bad of ['2023-02-29', '2025-02-30', 'yesterday', '+010000-01-01']) {
      expect(codeOf(() => kzCalendar.isWorkingDay(bad))).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    }
    expect(kzCalendar.isWorkingDay('2024-02-29')).toBe(true);
  });
});

describe('entries', () => {
  it('a transfer order makes its day off off and its working day working; withdrawn entries are ignored', () => {
    const transfer: CalendarEntry = {
      ...SEED_ENTRIES[0],
      id: 't',
      origin: 'ADMIN',
      kind: 'TRANSFER',
      holidayKind: null,
      year: 2026,
      date: '2026-12-31',
      workingDay: '2026-12-26',
    };
    const cal = new WorkingCalendar(CALENDAR_RULES, [...SEED_ENTRIES, transfer]);
    expect(cal.isWorkingDay('2026-12-31')).toBe(false);
    expect(cal.isWorkingDay('2026-12-26')).toBe(true);
    cal.install([...SEED_ENTRIES, { ...transfer, withdrawnAt: new Date('2026-11-25T10:00:00Z') }]);
    expect(cal.isWorkingDay('2026-12-31')).toBe(true);
    expect(cal.isWorkingDay('2026-12-26')).toBe(false);
  });
});
