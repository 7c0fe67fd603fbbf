import { addMonths, kzCalendar, WorkingCalendar } from './working-calendar';

const off = (d: string) => expect({ d, working: kzCalendar.isWorkingDay(d) }).toEqual({ d, working: false });
const working = (d: string) => expect({ d, working: kzCalendar.isWorkingDay(d) }).toEqual({ d, working: true });

describe('the Kazakhstan working-day calendar', () => {
  it('keeps Saturdays and Sundays off and ordinary weekdays working', () => {
    off('2025-11-22');
    off('2025-11-23');
    working('2025-11-24');
    working('2026-11-24');
  });

  it('2025: Republic Day on Saturday 25 October moves the day off to Monday 27 October', () => {
    off('2025-10-25');
    off('2025-10-27');
    working('2025-10-28');
    expect(kzCalendar.addWorkingDays('2025-10-24', 1)).toBe('2025-10-28');
  });

  it('2025: Nauryz 21–23 March (Fri–Sun) gives days off until Tuesday 25 March; 8 March on Saturday moves to 10 March', () => {
    for (const d of ['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25', '2025-03-10']) off(d);
    working('2025-03-26');
    working('2025-03-11');
  });

  it('2025: the decree moves Saturday 4 January to Friday 3 January; 7 January is off', () => {
    off('2025-01-03');
    working('2025-01-04');
    off('2025-01-07');
    working('2025-01-06');
  });

  it('2025: Kurban Ait 6 June, Capital Day on Sunday 6 July → 7 July, Constitution Day on Saturday 30 August → 1 September', () => {
    off('2025-06-06');
    off('2025-07-07');
    off('2025-09-01');
    working('2025-07-08');
    working('2025-09-02');
  });

  it('2023: 1 January on Sunday → 3 January; 7 January on Saturday does not move; 7 May → 8 May; 16 December → 18 December', () => {
    off('2023-01-03');
    working('2023-01-04');
    working('2023-01-09');
    off('2023-05-08');
    off('2023-12-18');
    off('2023-06-28');
  });

  it('2024: Nauryz on Saturday 23 March → 25 March; 6 July → 8 July; 7 January on Sunday does not move; Kurban Ait 17 June', () => {
    off('2024-03-25');
    off('2024-07-08');
    working('2024-01-08');
    off('2024-06-17');
    working('2024-06-18');
  });

  it('2026: Nauryz 21–23 March (Sat–Mon) → days off 24 and 25 March; 9 May → 11 May; 30 August → 31 August; 25 October → 26 October', () => {
    for (const d of ['2026-03-23', '2026-03-24', '2026-03-25', '2026-05-11', '2026-08-31', '2026-10-26', '2026-05-27']) off(d);
    working('2026-03-26');
    working('2026-05-12');
  });

  it('never moves a non-transferable holiday that falls on a weekend', () => {
    const cal = new WorkingCalendar({
      weekendDays: [6, 0],
      fixedHolidays: [{ monthDay: '01-07', transferable: false }, { monthDay: '03-08', transferable: true }],
      movableHolidays: { kurbanAit: { '2025': '2025-06-07' } },
      overrides: [],
    });
    expect(cal.isWorkingDay('2025-06-09')).toBe(true);
    expect(cal.isWorkingDay('2025-03-10')).toBe(false);
  });

  it('lets an override make a weekend a working day and a weekday a day off', () => {
    const cal = new WorkingCalendar({
      weekendDays: [6, 0],
      fixedHolidays: [],
      movableHolidays: { kurbanAit: {} },
      overrides: [{ date: '2030-01-05', dayOff: false }, { date: '2030-01-07', dayOff: true }],
    });
    expect(cal.isWorkingDay('2030-01-05')).toBe(true);
    expect(cal.isWorkingDay('2030-01-07')).toBe(false);
    expect(cal.addWorkingDays('2030-01-04', 2)).toBe('2030-01-08');
  });

  it('counts working days forward and back, and between dates', () => {
    expect(kzCalendar.addWorkingDays('2025-10-20', 5)).toBe('2025-10-28');
    expect(kzCalendar.addWorkingDays('2025-10-28', -5)).toBe('2025-10-20');
    expect(kzCalendar.addWorkingDays('2025-10-25', 0)).toBe('2025-10-25');
    expect(kzCalendar.workingDaysBetween('2025-10-20', '2025-10-28')).toBe(5);
    expect(kzCalendar.workingDayOnOrAfter('2025-10-25')).toBe('2025-10-28');
    expect(kzCalendar.workingDayOnOrAfter('2025-10-28')).toBe('2025-10-28');
  });

  it('adds calendar months clamping to the end of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
  });
});
