import { StatusMarkRecord } from '../../subgraphs/status/marks/status-mark.entity';
import { startTestSystem, type TestSystem } from '../support/harness';
import { complaintStatus, filedEvent, postEvents } from './status-fixtures';

describe('status: ComplaintFiled events on /internal/events', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  it('records DELIVERED once when the same event is delivered twice, and acknowledges both times', async () => {
    const event = filedEvent();
    const first = await postEvents(t, [event]);
    const second = await postEvents(t, [event, { ...event, eventId: `${event.eventId}-again` }]);
    expect(first).toEqual({ status: 200, body: { accepted: [event.eventId] } });
    expect(second.body.accepted).toEqual([event.eventId, `${event.eventId}-again`]);
    const marks = await t.system.subgraphs.status.db
      .getRepository(StatusMarkRecord)
      .findBy({ complaintId: event.complaintId });
    expect(marks.map((m) => m.kind)).toEqual(['DELIVERED']);
    const read = await complaintStatus(t, event.complaintId, await t.token('citizen', { iin: event.applicantIin }));
    expect(read.status).toBe('DELIVERED');
    expect(read.statusMarks).toHaveLength(1);
    expect(read.statusMarks[0].at).toBe(
      new Date(Date.parse(event.submittedAt) + 5 * 3600_000).toISOString().replace('Z', '+05:00'),
    );
  });

  it('records one DELIVERED under concurrent redelivery', async () => {
    const event = filedEvent();
    await Promise.all([postEvents(t, [event]), postEvents(t, [event]), postEvents(t, [event])]);
    const count = await t.system.subgraphs.status.db.getRepository(StatusMarkRecord).countBy({ complaintId: event.complaintId });
    expect(count).toBe(1);
  });

  it('applies a batch once per complaint: repeats inside it and complaints already tracked change nothing', async () => {
    const tracked = filedEvent();
    await postEvents(t, [tracked]);
    const [a, b] = [filedEvent(), filedEvent()];
    const batch = [a, b, { ...a, eventId: `${a.eventId}-repeat` }, tracked];
    const r = await postEvents(t, batch);
    expect(r.body.accepted).toEqual(batch.map((e) => e.eventId));
    const repo = t.system.subgraphs.status.db.getRepository(StatusMarkRecord);
    for (const e of [a, b, tracked]) expect(await repo.countBy({ complaintId: e.complaintId })).toBe(1);
    const [markA, markB] = await Promise.all([repo.findOneByOrFail({ complaintId: a.complaintId }), repo.findOneByOrFail({ complaintId: b.complaintId })]);
    expect(markA.seq).toBeLessThan(markB.seq); // batch order is seq order
  });

  it('refuses a caller without a service token and writes nothing', async () => {
    const event = filedEvent();
    const r = await postEvents(t, [event], await t.token('admin'));
    expect(r.status).toBe(401);
    const count = await t.system.subgraphs.status.db.getRepository(StatusMarkRecord).countBy({ complaintId: event.complaintId });
    expect(count).toBe(0);
  });
});
