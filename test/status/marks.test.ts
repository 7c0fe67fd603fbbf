import { ReviewBodyKind } from '../../contracts/enums';
import { kzDate } from '../../platform/scalars';
import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { TrackedComplaint } from '../../subgraphs/status/complaints/tracked-complaint.entity';
import { kzCalendar } from '../../subgraphs/status/calendar/kz-calendar';
import { createOfficial, createProvider, createUnit } from '../factories/directory.factory';
import { startTestSystem, type TestSystem } from '../support/harness';
import { complaintStatus, MARK_FIELDS, statusQuery, trackedComplaint } from './status-fixtures';

const REGISTER = `mutation($id: ID!) { registerComplaint(complaintId: $id) { ${MARK_FIELDS} } }`;
const EXECUTE = `mutation($id: ID!, $executorId: ID) { startExecution(complaintId: $id, executorId: $executorId) { ${MARK_FIELDS} } }`;
const REVIEW = `mutation($id: ID!, $result: ReviewResult!, $note: String!) {
  recordReviewResult(complaintId: $id, result: $result, note: $note) { ${MARK_FIELDS} } }`;
const FORWARD = `mutation($id: ID!, $to: ID!, $reason: String!) {
  forwardComplaint(complaintId: $id, toOfficialId: $to, reason: $reason) { ${MARK_FIELDS} } }`;
const EXTEND = `mutation($id: ID!, $days: Int!, $reason: String!) {
  extendReview(complaintId: $id, workingDays: $days, reason: $reason) { ${MARK_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawComplaint(complaintId: $id, reason: $reason) { ${MARK_FIELDS} } }`;

describe('status marks', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
  const markCount = (complaintId: string) =>
    t.system.subgraphs.status.db.getRepository(StatusMarkRecord).countBy({ complaintId });

  it('registers, executes and reviews: number, due date 5 working days on, then the court within a month', async () => {
    const c = await trackedComplaint(t);
    const reg = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
    expect(reg.errors).toBeUndefined();
    const registeredOn = kzCalendar.workingDayOnOrAfter(kzDate(new Date()));
    const due = kzCalendar.addWorkingDays(registeredOn, 5);
    expect(reg.data.registerComplaint).toMatchObject({ kind: 'REGISTERED', actor: { id: c.head.id }, dueOn: due });

    const exec = await statusQuery(t, EXECUTE, { id: c.complaintId, executorId: c.colleague.id }, c.tokens.handler);
    expect(exec.data.startExecution).toMatchObject({ kind: 'IN_EXECUTION', assignee: { id: c.colleague.id } });
    const review = await statusQuery(
      t,
      REVIEW,
      { id: c.complaintId, result: 'PARTIALLY_SATISFIED', note: 'Анықтама берілді' },
      c.tokens.colleague,
    );
    expect(review.data.recordReviewResult).toMatchObject({ kind: 'REVIEWED', result: 'PARTIALLY_SATISFIED' });

    const read = await complaintStatus(t, c.complaintId, c.tokens.applicant);
    expect(read.status).toBe('REVIEWED');
    expect(read.registrationNumber).toBe(`${c.event.number}/Т1`);
    expect(read.registeredOn).toBe(registeredOn);
    expect(read.reviewDueOn).toBe(due);
    expect(read.overdue).toBe(false);
    expect(read.statusMarks.map((m: any) => m.kind)).toEqual(['DELIVERED', 'REGISTERED', 'IN_EXECUTION', 'REVIEWED']);
    const cursors = read.statusMarks.map((m: any) => m.cursor);
    expect([...cursors].sort()).toEqual(cursors);
    expect(read.nextStep.legalBasis).toContain('Art. 136');
    expect(read.appealDeadline).toBe(read.nextStep.deadline);
    expect(read.appealDeadline > kzDate(new Date())).toBe(true);
  });

  it('gives the authorised quality-control body 15 working days', async () => {
    const c = await trackedComplaint(t, { reviewBodyKind: ReviewBodyKind.QUALITY_CONTROL_BODY });
    const reg = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
    const registeredOn = kzCalendar.workingDayOnOrAfter(kzDate(new Date()));
    expect(reg.data.registerComplaint.dueOn).toBe(kzCalendar.addWorkingDays(registeredOn, 15));
  });

  it('answers CONFLICT to an impossible transition and writes nothing', async () => {
    const c = await trackedComplaint(t);
    for (const [q, v] of [
      [EXECUTE, {}],
      [REVIEW, { result: 'REJECTED', note: 'x' }],
      [EXTEND, { days: 2, reason: 'x' }],
    ] as const) {
      const r = await statusQuery(t, q, { id: c.complaintId, ...v }, c.tokens.handler);
      expect(code(r)).toBe('CONFLICT');
    }
    await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
    const again = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
    expect(code(again)).toBe('CONFLICT');
    expect(await markCount(c.complaintId)).toBe(2);
  });

  it('lets only one of many concurrent registrations through', async () => {
    const c = await trackedComplaint(t);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        statusQuery(t, REGISTER, { id: c.complaintId }, i % 2 ? c.tokens.handler : c.tokens.colleague),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(5);
    const kinds = (await t.system.subgraphs.status.db.getRepository(StatusMarkRecord).findBy({ complaintId: c.complaintId })).map(
      (m) => m.kind,
    );
    expect(kinds.sort()).toEqual(['DELIVERED', 'REGISTERED']);
  });

  describe('authorisation of each mutation', () => {
    it('refuses officials outside the handler body, citizens and the anonymous, for every official mutation', async () => {
      const c = await trackedComplaint(t);
      await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
      const attempts: [string, Record<string, unknown>][] = [
        [REGISTER, {}],
        [EXECUTE, {}],
        [REVIEW, { result: 'REJECTED', note: 'x' }],
        [FORWARD, { to: c.colleague.id, reason: 'x' }],
        [EXTEND, { days: 2, reason: 'x' }],
      ];
      for (const [q, v] of attempts) {
        const vars = { id: c.complaintId, ...v };
        expect([q.slice(0, 40), code(await statusQuery(t, q, vars, c.tokens.outsider))]).toEqual([q.slice(0, 40), 'FORBIDDEN']);
        expect(code(await statusQuery(t, q, vars, c.tokens.applicant))).toBe('FORBIDDEN');
        expect(code(await statusQuery(t, q, vars))).toBe('UNAUTHENTICATED');
      }
      expect(await markCount(c.complaintId)).toBe(2);
    });

    it("lets a colleague of the handler's body act, but not an inactive one", async () => {
      const c = await trackedComplaint(t);
      const inactive = await createOfficial(t.system.subgraphs.directory.db, { serviceProviderId: c.provider.id, active: false });
      const r1 = await statusQuery(t, REGISTER, { id: c.complaintId }, await t.token('official', { officialId: inactive.id }));
      expect(code(r1)).toBe('FORBIDDEN');
      const r2 = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.colleague);
      expect(r2.errors).toBeUndefined();
    });

    it('answers NOT_FOUND for a complaint status does not track', async () => {
      const c = await trackedComplaint(t);
      const r = await statusQuery(t, REGISTER, { id: '00000000-0000-4000-8000-00000000dead' }, c.tokens.handler);
      expect(code(r)).toBe('NOT_FOUND');
    });

    it('lets only the applicant withdraw, and then nobody moves the complaint', async () => {
      const c = await trackedComplaint(t);
      expect(code(await statusQuery(t, WITHDRAW, { id: c.complaintId, reason: 'x' }, c.tokens.stranger))).toBe('FORBIDDEN');
      expect(code(await statusQuery(t, WITHDRAW, { id: c.complaintId, reason: 'x' }, c.tokens.handler))).toBe('FORBIDDEN');
      expect(code(await statusQuery(t, WITHDRAW, { id: c.complaintId, reason: ' ' }, c.tokens.applicant))).toBe('BAD_USER_INPUT');
      const w = await statusQuery(t, WITHDRAW, { id: c.complaintId, reason: 'Мәселе шешілді' }, c.tokens.applicant);
      expect(w.data.withdrawComplaint).toMatchObject({ kind: 'WITHDRAWN', actor: null, note: 'Мәселе шешілді' });
      expect(code(await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler))).toBe('CONFLICT');
      const read = await complaintStatus(t, c.complaintId, c.tokens.applicant);
      expect(read.status).toBe('WITHDRAWN');
      expect(read.overdue).toBe(false);
    });
  });

  describe('forwarding (APPC Art. 65)', () => {
    it('hands the complaint to the new official, who registers it anew; the old handler loses it', async () => {
      const c = await trackedComplaint(t);
      await createUnit(t.system.subgraphs.directory.db);
      const akimat = await createOfficial(t.system.subgraphs.directory.db, { katoCode: '710000000' });
      await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
      const f = await statusQuery(t, FORWARD, { id: c.complaintId, to: akimat.id, reason: 'Құзыретке жатпайды' }, c.tokens.handler);
      expect(f.data.forwardComplaint).toMatchObject({ kind: 'FORWARDED', assignee: { id: akimat.id } });

      expect(code(await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler))).toBe('FORBIDDEN');
      const newToken = await t.token('official', { officialId: akimat.id });
      const reg = await statusQuery(t, REGISTER, { id: c.complaintId }, newToken);
      expect(reg.errors).toBeUndefined();
      const tracked = await t.system.subgraphs.status.db.getRepository(TrackedComplaint).findOneByOrFail({ complaintId: c.complaintId });
      expect(tracked).toMatchObject({
        handlerId: akimat.id,
        handlerBodyId: '710000000',
        reviewBodyKind: ReviewBodyKind.LOCAL_EXECUTIVE_BODY,
        registrationNumber: `${c.event.number}/Т3`,
      });
    });

    it('answers NOT_FOUND for an unknown official and BAD_USER_INPUT for an inactive one, writing nothing', async () => {
      const c = await trackedComplaint(t);
      const inactive = await createOfficial(t.system.subgraphs.directory.db, { active: false });
      const unknown = await statusQuery(
        t,
        FORWARD,
        { id: c.complaintId, to: '00000000-0000-4000-8000-0000000beef0', reason: 'x' },
        c.tokens.handler,
      );
      expect(code(unknown)).toBe('NOT_FOUND');
      const off = await statusQuery(t, FORWARD, { id: c.complaintId, to: inactive.id, reason: 'x' }, c.tokens.handler);
      expect(off.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toOfficialId' });
      expect(await markCount(c.complaintId)).toBe(1);
    });
  });

  describe('extension (APPC Art. 76)', () => {
    it('moves reviewDueOn by working days, and refuses to pass two months in total', async () => {
      const c = await trackedComplaint(t);
      const reg = await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
      const due = reg.data.registerComplaint.dueOn;
      const ext = await statusQuery(t, EXTEND, { id: c.complaintId, days: 10, reason: 'Сараптама қажет' }, c.tokens.handler);
      expect(ext.data.extendReview).toMatchObject({ kind: 'EXTENDED', dueOn: kzCalendar.addWorkingDays(due, 10) });
      const ext2 = await statusQuery(t, EXTEND, { id: c.complaintId, days: 45, reason: 'Тағы' }, c.tokens.handler);
      expect(ext2.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingDays' });
      const zero = await statusQuery(t, EXTEND, { id: c.complaintId, days: 0, reason: 'x' }, c.tokens.handler);
      expect(code(zero)).toBe('BAD_USER_INPUT');
      const read = await complaintStatus(t, c.complaintId, c.tokens.applicant);
      expect(read.reviewDueOn).toBe(kzCalendar.addWorkingDays(due, 10));
      expect(read.statusMarks.map((m: any) => m.kind)).toEqual(['DELIVERED', 'REGISTERED', 'EXTENDED']);
    });
  });

  describe('overdue', () => {
    it('is true once the due date has passed without a review, and stays true for a late review', async () => {
      const c = await trackedComplaint(t);
      await statusQuery(t, REGISTER, { id: c.complaintId }, c.tokens.handler);
      expect((await complaintStatus(t, c.complaintId, c.tokens.applicant)).overdue).toBe(false);
      // The term ran out: as if registered long ago.
      await t.system.subgraphs.status.db
        .getRepository(TrackedComplaint)
        .update({ complaintId: c.complaintId }, { registeredOn: '2025-10-20', originalDueOn: '2025-10-28', reviewDueOn: '2025-10-28' });
      expect((await complaintStatus(t, c.complaintId, c.tokens.applicant)).overdue).toBe(true);
      await statusQuery(t, REVIEW, { id: c.complaintId, result: 'SATISFIED', note: 'Кешігіп' }, c.tokens.handler);
      expect((await complaintStatus(t, c.complaintId, c.tokens.applicant)).overdue).toBe(true);
    });
  });

  describe('reading', () => {
    it("hides a complaint's status from another citizen", async () => {
      const c = await trackedComplaint(t);
      const r = await statusQuery(t, `query($id: ID!) { _entities(representations: [{ __typename: "Complaint", id: $id }]) { ... on Complaint { status } } }`, { id: c.complaintId }, c.tokens.stranger);
      expect(code(r)).toBe('FORBIDDEN');
    });

    it('answers addWorkingDays on the Kazakhstan calendar', async () => {
      const r = await t.query(`{ a: addWorkingDays(from: "2025-10-24", days: 1) b: addWorkingDays(from: "2025-03-20", days: 1) }`);
      expect(r.data).toEqual({ a: '2025-10-28', b: '2025-03-26' });
      const bad = await t.query(`{ addWorkingDays(from: "2025-02-30", days: 1) }`);
      expect(bad.errors).toBeDefined();
    });
  });

  describe('complaintStatistics', () => {
    it('counts by status and result, overdue and average working days, per provider; agency and admin only', async () => {
      const { provider, head } = await createProvider(t.system.subgraphs.directory.db);
      const handler = await t.token('official', { officialId: head.id });
      const make = () => trackedComplaint(t, { serviceProviderId: provider.id, handlerId: head.id, handlerBodyId: provider.id });
      const [a, b, c] = [await make(), await make(), await make()];
      for (const x of [a, b]) await statusQuery(t, REGISTER, { id: x.complaintId }, handler);
      await statusQuery(t, REVIEW, { id: a.complaintId, result: 'REJECTED', note: 'Негізсіз' }, handler);
      await t.system.subgraphs.status.db
        .getRepository(TrackedComplaint)
        .update({ complaintId: a.complaintId }, { registeredOn: '2025-10-20', reviewDueOn: '2025-10-28', closedOn: '2025-10-24' });
      await t.system.subgraphs.status.db
        .getRepository(TrackedComplaint)
        .update({ complaintId: b.complaintId }, { reviewDueOn: '2025-10-28' });
      const Q = `query($f: ComplaintStatisticsFilter) { complaintStatistics(filter: $f) {
        total byStatus { status count } byResult { result count } overdue averageWorkingDaysToReview } }`;
      const r = await t.query(Q, { f: { serviceProviderId: provider.id } }, await t.token('agency'));
      expect(r.errors).toBeUndefined();
      expect(r.data.complaintStatistics).toEqual({
        total: 3,
        byStatus: [
          { status: 'DELIVERED', count: 1 },
          { status: 'REGISTERED', count: 1 },
          { status: 'REVIEWED', count: 1 },
        ],
        byResult: [{ result: 'REJECTED', count: 1 }],
        overdue: 1,
        averageWorkingDaysToReview: 4,
      });
      expect(c.complaintId).toBeDefined();
      const past = await t.query(Q, { f: { serviceProviderId: provider.id, filedTo: '2020-01-01' } }, await t.token('admin'));
      expect(past.data.complaintStatistics.total).toBe(0);
      expect(code(await t.query(Q, {}, handler))).toBe('FORBIDDEN');
    });
  });
});
