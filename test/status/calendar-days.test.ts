/**
 * The Kazakhstan calendar asserted day by day for every covered year against the researched days off: every day off
 * that falls on a weekday and every weekend day made working, each with its source. Every other weekday must be
 * working and every other weekend day off. Independent counts from published production calendars check the lists.
 */
import { kzCalendar } from '../../subgraphs/status/calendar/kz-calendar';

interface YearFacts {
  /** Weekdays that are days off, with why. */
  weekdaysOff: Record<string, string>;
  /** Weekend days that are working days, with why. */
  weekendsWorking: Record<string, string>;
  /** Working days on a five-day week, with where the number comes from. */
  workingDays: [number, string];
}

const HOLIDAYS_LAW = 'Law "On Holidays in the Republic of Kazakhstan"';
const MOVED = 'Labour Code Art. 85(1): holiday on a weekend moves to the next working day';

const YEARS: Record<number, YearFacts> = {
  2023: {
    weekdaysOff: {
      '2023-01-02': `${HOLIDAYS_LAW}: New Year`,
      '2023-01-03': `${MOVED} (1 January, Sunday)`,
      '2023-03-08': `${HOLIDAYS_LAW}: 8 March`,
      '2023-03-21': `${HOLIDAYS_LAW}: Nauryz`,
      '2023-03-22': `${HOLIDAYS_LAW}: Nauryz`,
      '2023-03-23': `${HOLIDAYS_LAW}: Nauryz`,
      '2023-05-01': `${HOLIDAYS_LAW}: Unity Day`,
      '2023-05-08': `${MOVED} (7 May, Sunday)`,
      '2023-05-09': `${HOLIDAYS_LAW}: Victory Day`,
      '2023-06-28': 'Kurban Ait, first day (zakon.kz 2023)',
      '2023-07-06': `${HOLIDAYS_LAW}: Capital Day`,
      '2023-07-07': 'Government decree of 25 April 2023 "О переносе дня отдыха в 2023 году" (1 July → 7 July)',
      '2023-08-30': `${HOLIDAYS_LAW}: Constitution Day (to 2025)`,
      '2023-10-25': `${HOLIDAYS_LAW}: Republic Day (from 2022)`,
      '2023-12-18': `${MOVED} (16 December, Saturday)`,
    },
    weekendsWorking: { '2023-07-01': 'Government decree of 25 April 2023 (Saturday 1 July a working day)' },
    workingDays: [246, 'weekdays 260 − 15 + 1; July 2023: 20 working days (otyrar.kz)'],
  },
  2024: {
    weekdaysOff: {
      '2024-01-01': `${HOLIDAYS_LAW}: New Year`,
      '2024-01-02': `${HOLIDAYS_LAW}: New Year`,
      '2024-03-08': `${HOLIDAYS_LAW}: 8 March`,
      '2024-03-21': `${HOLIDAYS_LAW}: Nauryz`,
      '2024-03-22': `${HOLIDAYS_LAW}: Nauryz`,
      '2024-03-25': `${MOVED} (23 March, Saturday)`,
      '2024-05-01': `${HOLIDAYS_LAW}: Unity Day`,
      '2024-05-07': `${HOLIDAYS_LAW}: Defender of the Fatherland Day`,
      '2024-05-08': 'Order of the Minister of Labour "О переносе дня отдыха в 2024 году", April 2024 (4 May → 8 May)',
      '2024-05-09': `${HOLIDAYS_LAW}: Victory Day`,
      '2024-07-08': `${MOVED} (6 July, Saturday)`,
      '2024-08-30': `${HOLIDAYS_LAW}: Constitution Day (to 2025)`,
      '2024-10-25': `${HOLIDAYS_LAW}: Republic Day`,
      '2024-12-16': `${HOLIDAYS_LAW}: Independence Day`,
    },
    weekendsWorking: { '2024-05-04': 'Order of the Minister of Labour, April 2024 (Saturday 4 May a working day)' },
    workingDays: [249, "Ministry of Labour's 2024 balance: 248 with 17 June off; Kurban Ait was Sunday 16 June, 17 June working"],
  },
  2025: {
    weekdaysOff: {
      '2025-01-01': `${HOLIDAYS_LAW}: New Year`,
      '2025-01-02': `${HOLIDAYS_LAW}: New Year`,
      '2025-01-03': 'Order of the Minister of Labour, November 2024 (Sunday 5 January → Friday 3 January)',
      '2025-01-07': `${HOLIDAYS_LAW}: Orthodox Christmas`,
      '2025-03-10': `${MOVED} (8 March, Saturday)`,
      '2025-03-21': `${HOLIDAYS_LAW}: Nauryz`,
      '2025-03-24': `${MOVED} (22 March, Saturday)`,
      '2025-03-25': `${MOVED} (23 March, Sunday)`,
      '2025-05-01': `${HOLIDAYS_LAW}: Unity Day`,
      '2025-05-07': `${HOLIDAYS_LAW}: Defender of the Fatherland Day`,
      '2025-05-09': `${HOLIDAYS_LAW}: Victory Day`,
      '2025-06-06': 'Kurban Ait, first day (mgorod.kz, pobipb.kz)',
      '2025-07-07': `${MOVED} (6 July, Sunday)`,
      '2025-09-01': `${MOVED} (30 August, Saturday)`,
      '2025-10-27': `${MOVED} (25 October, Saturday)`,
      '2025-12-16': `${HOLIDAYS_LAW}: Independence Day`,
    },
    weekendsWorking: { '2025-01-05': 'Order of the Minister of Labour, November 2024 (Sunday 5 January a working day)' },
    workingDays: [246, 'pobipb.kz 2025 calendar: 246 working days; azattyq-ruhy.kz: 119 days off'],
  },
  2026: {
    weekdaysOff: {
      '2026-01-01': `${HOLIDAYS_LAW}: New Year`,
      '2026-01-02': `${HOLIDAYS_LAW}: New Year`,
      '2026-01-07': `${HOLIDAYS_LAW}: Orthodox Christmas`,
      '2026-03-09': `${MOVED} (8 March, Sunday)`,
      '2026-03-23': `${HOLIDAYS_LAW}: Nauryz`,
      '2026-03-24': `${MOVED} (21 March, Saturday)`,
      '2026-03-25': `${MOVED} (22 March, Sunday)`,
      '2026-05-01': `${HOLIDAYS_LAW}: Unity Day`,
      '2026-05-07': `${HOLIDAYS_LAW}: Defender of the Fatherland Day`,
      '2026-05-11': `${MOVED} (9 May, Saturday)`,
      '2026-05-27': 'Kurban Ait, first day (Spiritual Administration of Muslims, calendar for 2026)',
      '2026-07-06': `${HOLIDAYS_LAW}: Capital Day`,
      '2026-10-26': `${MOVED} (25 October, Sunday)`,
      '2026-12-16': `${HOLIDAYS_LAW}: Independence Day`,
    },
    weekendsWorking: {},
    workingDays: [247, "Ministry of Labour's 2026 production calendar: 246, less 31 August (30 August no longer a holiday from 2026)"],
  },
};

function everyDay(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

describe('the Kazakhstan working-day calendar, day by day', () => {
  it('covers exactly the researched years 2023–2026', () => {
    expect(kzCalendar.coveredYears()).toEqual(Object.keys(YEARS).map(Number));
  });

  describe.each(Object.entries(YEARS))('%s', (year, facts) => {
    it('lists every day off on a weekday and every working weekend day with a source', () => {
      for (const list of [facts.weekdaysOff, facts.weekendsWorking]) {
        for (const [date, source] of Object.entries(list)) {
          expect(date.startsWith(year)).toBe(true);
          expect(source.length).toBeGreaterThan(10);
        }
      }
      for (const d of Object.keys(facts.weekdaysOff)) expect({ d, weekend: isWeekend(d) }).toEqual({ d, weekend: false });
      for (const d of Object.keys(facts.weekendsWorking)) expect({ d, weekend: isWeekend(d) }).toEqual({ d, weekend: true });
    });

    it('answers every day of the year as researched', () => {
      const wrong: string[] = [];
      for (const d of everyDay(Number(year))) {
        const expected = isWeekend(d) ? d in facts.weekendsWorking : !(d in facts.weekdaysOff);
        if (kzCalendar.isWorkingDay(d) !== expected) wrong.push(`${d} should be ${expected ? 'working' : 'off'}`);
      }
      expect(wrong).toEqual([]);
    });

    it(`has the published number of working days (${facts.workingDays[1]})`, () => {
      expect(everyDay(Number(year)).filter((d) => kzCalendar.isWorkingDay(d))).toHaveLength(facts.workingDays[0]);
      expect(kzCalendar.workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`)).toBe(facts.workingDays[0]);
    });
  });

  it("2024 matches the Ministry of Labour's monthly balance (June one more: Kurban Ait moved to Sunday 16 June)", () => {
    const months = [21, 21, 17, 22, 20, 19 + 1, 22, 21, 21, 22, 21, 21];
    const counted = months.map((_, m) => everyDay(2024).filter((d) => Number(d.slice(5, 7)) === m + 1 && kzCalendar.isWorkingDay(d)).length);
    expect(counted).toEqual(months);
  });

  it('July 2023 has 20 working days and 11 days off (otyrar.kz, after the decree of 25 April 2023)', () => {
    const july = everyDay(2023).filter((d) => d.slice(5, 7) === '07');
    expect(july.filter((d) => kzCalendar.isWorkingDay(d))).toHaveLength(20);
  });
});
