import type { RunningSubgraph } from '../../platform/subgraph-server';
import { InProcessPubSub } from '../../platform/pubsub';
import { CalendarAdminService } from '../../subgraphs/status/calendar/calendar-admin.service';
import { CalendarEntryRecord } from '../../subgraphs/status/calendar/calendar-entry.entity';
import { CalendarStore } from '../../subgraphs/status/calendar/calendar-store';
import { eventually, postGraphQL, startSecondStatus, startTestSystem, type TestSystem } from '../support/harness';
import { describeWithRedis, REDIS_URL } from '../support/redis';
import { validIin } from '../factories/iin';

const TRANSFER = `mutation($input: CalendarTransferInput!) {
  recordCalendarTransfer(input: $input) { id origin kind date workingDay source recordedBy recordedAt }
}`;
const HOLIDAY = `mutation($input: CalendarHolidayInput!) {
  recordCalendarHoliday(input: $input) { id kind holidayKind date year source recordedBy }
}`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawCalendarEntry(id: $id, reason: $reason) { id withdrawnBy withdrawnAt withdrawReason } }`;
const DAYS = `query($d: Date!, $from: Date!, $n: Int!) { isWorkingDay(date: $d) addWorkingDays(from: $from, days: $n) }`;
const COVERAGE = `{ workingDayCalendar { coveredFrom coveredTo coveredYears supportedFrom supportedTo maxDays } }`;
const ENTRIES = `{ calendarEntries(includeWithdrawn: true) { id origin kind date workingDay withdrawnAt withdrawReason recordedBy } }`;

const rows = (t: TestSystem) => t.system.subgraphs.status.db.getRepository(CalendarEntryRecord).count();

describe('the working-day calendar maintained by an administrator (through the gateway)', () => {
  let t: TestSystem;
  let admin: string;

  beforeAll(async () => {
    t = await startTestSystem();
    admin = await t.token('admin', { sub: 'admin-aigerim' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('declares its covered years and limits', async () => {
    const r = await t.query(COVERAGE);
    expect(r.data.workingDayCalendar).toEqual({
      coveredFrom: 2023,
      coveredTo: 2026,
      coveredYears: [2023, 2024, 2025, 2026],
      supportedFrom: 1900,
      supportedTo: 2200,
      maxDays: 3660,
    });
  });

  it('answers addWorkingDays from 9999-12-20 with BAD_USER_INPUT naming `from`, and an absurd `days` naming `days`', async () => {
    const far = await t.query(`{ addWorkingDays(from: "9999-12-20", days: 10) }`);
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const huge = await t.query(`{ addWorkingDays(from: "2025-01-01", days: 1000000) }`);
    expect(huge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    const ok = await t.query(`{ health: isWorkingDay(date: "2025-01-05") }`);
    expect(ok.data).toEqual({ health: true });
  });

  it('marks a result that reaches an uncovered year as provisional, keeping addWorkingDays a plain Date', async () => {
    const r = await t.query(`{ a: workingDaysResult(from: "2026-12-21", days: 15) { date provisional uncoveredYears }
      b: workingDaysResult(from: "2026-11-02", days: 15) { date provisional uncoveredYears } addWorkingDays(from: "2026-11-02", days: 15) }`);
    expect(r.data).toEqual({
      a: { date: '2027-01-14', provisional: true, uncoveredYears: [2027] },
      b: { date: '2026-11-23', provisional: false, uncoveredYears: [] },
      addWorkingDays: '2026-11-23',
    });
  });

  it('refuses every role but admin (FORBIDDEN) and the anonymous (UNAUTHENTICATED), writing nothing', async () => {
    const before = await rows(t);
    const input = { dayOff: '2026-12-31', workingDay: '2026-12-26', source: 'Order No. 1' };
    for (const role of ['citizen', 'official', 'clerk', 'agency'] as const) {
      const r = await t.query(TRANSFER, { input }, await t.token(role, { iin: validIin(), officialId: 'o-1' }));
      expect({ role, code: r.errors?.[0].extensions?.code }).toEqual({ role, code: 'FORBIDDEN' });
    }
    expect((await t.query(TRANSFER, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.query(ENTRIES, {}, await t.token('official', { officialId: 'o-1' }))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rows(t)).toBe(before);
    expect((await t.query(DAYS, { d: '2026-12-31', from: '2026-12-25', n: 1 })).data).toEqual({ isWorkingDay: true, addWorkingDays: '2026-12-28' });
  });

  it('records a transfer order: effective at once for isWorkingDay and addWorkingDays, audited with its source', async () => {
    const r = await t.query(TRANSFER, { input: { dayOff: '2026-12-31', workingDay: '2026-12-26', source: 'Order of the Minister of Labour No. 999 (test)' } }, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.recordCalendarTransfer).toMatchObject({
      origin: 'ADMIN',
      kind: 'TRANSFER',
      date: '2026-12-31',
      workingDay: '2026-12-26',
      source: 'Order of the Minister of Labour No. 999 (test)',
      recordedBy: 'admin-aigerim',
    });
    expect(r.data.recordCalendarTransfer.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT.*\+05:00$/);
    expect((await t.query(DAYS, { d: '2026-12-31', from: '2026-12-25', n: 1 })).data).toEqual({ isWorkingDay: false, addWorkingDays: '2026-12-26' });
  });

  it('stamps each entry with the time of the clock it is given (the audit trail)', async () => {
    const store = new CalendarStore(t.system.subgraphs.status.db, new InProcessPubSub(), 'test');
    await store.start();
    const at = new Date('2026-11-20T09:30:00.000Z');
    const principal = { sub: 'admin-clock', role: 'admin' as const, authorization: '' };
    const service = new CalendarAdminService(t.system.subgraphs.status.db, store, { principal }, () => at);
    const entry = await service.recordTransfer({ dayOff: '2026-12-30', workingDay: '2026-12-27', source: 'test order (clock)' });
    expect(entry).toMatchObject({ recordedBy: 'admin-clock', recordedAt: at, date: '2026-12-30' });
    const withdrawn = await service.withdraw(entry.id, 'test: undo');
    expect(withdrawn).toMatchObject({ withdrawnBy: 'admin-clock', withdrawnAt: at, withdrawReason: 'test: undo' });
    await store.stop();
  });

  it('refuses contradictory, duplicate and out-of-range entries with the field at fault, writing nothing', async () => {
    const before = await rows(t);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [TRANSFER, { dayOff: '2026-12-31', workingDay: '2026-12-27', source: 's' }, 'CONFLICT', 'input.dayOff'], // duplicate: already off
      [TRANSFER, { dayOff: '2026-12-30', workingDay: '2026-12-29', source: 's' }, 'CONFLICT', 'input.workingDay'], // already working
      [TRANSFER, { dayOff: '2026-12-30', workingDay: '2026-12-16', source: 's' }, 'CONFLICT', 'input.workingDay'], // a holiday
      [TRANSFER, { dayOff: '2026-12-30', workingDay: '2026-12-30', source: 's' }, 'BAD_USER_INPUT', 'input.workingDay'],
      [TRANSFER, { dayOff: '2031-01-06', workingDay: '2031-01-04', source: 's' }, 'BAD_USER_INPUT', 'input.dayOff'], // past the editable years
      [TRANSFER, { dayOff: '2019-01-08', workingDay: '2019-01-05', source: 's' }, 'BAD_USER_INPUT', 'input.dayOff'],
      [TRANSFER, { dayOff: '2026-12-30', workingDay: '2026-12-27', source: '   ' }, 'BAD_USER_INPUT', 'input.source'],
      [HOLIDAY, { date: '2026-12-26', kind: 'ONE_OFF', name: 'x', source: 's' }, 'CONFLICT', 'input.date'], // working by transfer
      [HOLIDAY, { date: '2026-03-23', kind: 'ONE_OFF', name: 'x', source: 's' }, 'CONFLICT', 'input.date'], // already a holiday
      [HOLIDAY, { date: '2026-06-03', kind: 'KURBAN_AIT', name: 'Kurban Ait', source: 's' }, 'CONFLICT', 'input.date'], // 2026 has one
      [HOLIDAY, { date: '2027-02-03', kind: 'ONE_OFF', name: 'x', source: 's', coversYear: true }, 'BAD_USER_INPUT', 'input.coversYear'],
      [HOLIDAY, { date: '2028-05-04', kind: 'KURBAN_AIT', name: 'x', source: 's', coversYear: true }, 'BAD_USER_INPUT', 'input.coversYear'], // 2027 first
    ];
    for (const [mutation, input, code, field] of cases) {
      const r = await t.query(mutation, { input }, admin);
      expect({ input, ext: r.errors?.[0].extensions }).toMatchObject({ input, ext: { code, field } });
    }
    expect(await rows(t)).toBe(before);
  });

  it('validates concurrent orders one after the other: of two identical ones, one is recorded and one refused', async () => {
    const input = { dayOff: '2026-12-29', workingDay: '2026-12-20', source: 'test order (twice at once)' };
    const results = await Promise.all([t.query(TRANSFER, { input }, admin), t.query(TRANSFER, { input }, admin)]);
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const ok = results.find((r) => !r.errors)!;
    expect((await t.query(WITHDRAW, { id: ok.data.recordCalendarTransfer.id, reason: 'test: undo' }, admin)).errors).toBeUndefined();
  });

  it('corrects a seed date by withdrawal and a new entry, and extends coverage with the next year', async () => {
    const entries = (await t.query(ENTRIES, {}, admin)).data.calendarEntries;
    const kurban2026 = entries.find((e: any) => e.id === 'seed:holiday:2026-05-27');
    expect(kurban2026).toMatchObject({ origin: 'SEED', kind: 'HOLIDAY', date: '2026-05-27', withdrawnAt: null });

    const w = await t.query(WITHDRAW, { id: 'seed:holiday:2026-05-27', reason: 'test: correction' }, admin);
    expect(w.data.withdrawCalendarEntry).toMatchObject({ id: 'seed:holiday:2026-05-27', withdrawnBy: 'admin-aigerim', withdrawReason: 'test: correction' });
    expect((await t.query(COVERAGE)).data.workingDayCalendar.coveredYears).toEqual([2023, 2024, 2025]);
    expect((await t.query(DAYS, { d: '2026-05-27', from: '2026-05-26', n: 1 })).data).toEqual({ isWorkingDay: true, addWorkingDays: '2026-05-27' });
    const again = await t.query(WITHDRAW, { id: 'seed:holiday:2026-05-27', reason: 'twice' }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await t.query(WITHDRAW, { id: 'nope', reason: 'x' }, admin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const fixed = await t.query(HOLIDAY, { input: { date: '2026-05-26', kind: 'KURBAN_AIT', name: 'Kurban Ait', source: 'test source' } }, admin);
    expect(fixed.errors).toBeUndefined();
    expect((await t.query(COVERAGE)).data.workingDayCalendar.coveredYears).toEqual([2023, 2024, 2025, 2026]);
    expect((await t.query(DAYS, { d: '2026-05-26', from: '2026-05-25', n: 1 })).data).toEqual({ isWorkingDay: false, addWorkingDays: '2026-05-27' });

    const next = await t.query(HOLIDAY, { input: { date: '2027-05-16', kind: 'KURBAN_AIT', name: 'Kurban Ait', source: 'test source', coversYear: true } }, admin);
    expect(next.errors).toBeUndefined();
    expect((await t.query(COVERAGE)).data.workingDayCalendar).toMatchObject({ coveredFrom: 2023, coveredTo: 2027 });
    const r = await t.query(`{ workingDaysResult(from: "2026-12-21", days: 15) { date provisional } }`);
    // 26 December is now working and 31 December off (same count), and 2027 is covered now
    expect(r.data.workingDaysResult).toEqual({ date: '2027-01-14', provisional: false });

    const audit = (await t.query(ENTRIES, {}, admin)).data.calendarEntries;
    const recorded = audit.filter((e: any) => e.origin === 'ADMIN').map((e: any) => `${e.kind} ${e.date} ${e.recordedBy}`);
    expect(recorded.sort()).toEqual([
      'COVERAGE null admin-aigerim',
      'HOLIDAY 2026-05-26 admin-aigerim',
      'HOLIDAY 2027-05-16 admin-aigerim',
      'TRANSFER 2026-12-29 admin-aigerim',
      'TRANSFER 2026-12-30 admin-clock',
      'TRANSFER 2026-12-31 admin-aigerim',
    ]);
  });
});

describeWithRedis('the calendar on two status instances over Redis', () => {
  let t: TestSystem;
  let second: RunningSubgraph;

  beforeAll(async () => {
    t = await startTestSystem({ REDIS_URL: REDIS_URL! });
    second = await startSecondStatus(t);
  });
  afterAll(async () => {
    await second?.stop();
    await t?.stop();
  });

  it('a transfer recorded on one instance changes the answers of the other', async () => {
    const admin = await t.token('admin');
    const ask = () => postGraphQL(second.url, `{ isWorkingDay(date: "2026-12-31") w: isWorkingDay(date: "2026-12-26") }`);
    expect((await ask()).data).toEqual({ isWorkingDay: true, w: false });
    const r = await postGraphQL(t.system.subgraphs.status.url, TRANSFER, { input: { dayOff: '2026-12-31', workingDay: '2026-12-26', source: 'test order' } }, admin);
    expect(r.errors).toBeUndefined();
    await eventually(async () => expect((await ask()).data).toEqual({ isWorkingDay: false, w: true }));
  });
});
