import { InProcessPubSub } from '../../../platform/pubsub/in-process-pubsub';
import { MarkDispatcher } from './mark-dispatcher';
import type { MarkNotice } from './mark-dispatcher';
import { STATUS_MARK_CHANNEL } from './mark-channel';

const mark = (complaintId: string, applicantIin: string, seq: number) => ({
  seq,
  id: `m${seq}`,
  complaintId,
  applicantIin,
  kind: 'REGISTERED',
  at: new Date(0).toISOString(),
});

describe('MarkDispatcher', () => {
  it('hands a mark only to the subscriptions of its complaint or its applicant, as a notice of its position', async () => {
    const pubsub = new InProcessPubSub();
    const marks = new MarkDispatcher(pubsub);
    const got: Record<string, MarkNotice[]> = { c1: [], c2: [], a1: [] };
    await marks.listen({ complaintId: 'c1' }, (m) => got.c1.push(m));
    await marks.listen({ complaintId: 'c2' }, (m) => got.c2.push(m));
    const stop = await marks.listen({ applicantIin: 'iin1' }, (m) => got.a1.push(m));
    expect(marks.size).toBe(3);

    await pubsub.publish(STATUS_MARK_CHANNEL, mark('c1', 'iin1', 1));
    await pubsub.publish(STATUS_MARK_CHANNEL, mark('c3', 'iin2', 2));
    stop();
    await pubsub.publish(STATUS_MARK_CHANNEL, mark('c1', 'iin1', 3));

    expect(got.c1.map((m) => m.seq)).toEqual([1, 3]);
    expect(got.c2).toEqual([]);
    expect(got.a1.map((m) => m.seq)).toEqual([1]);
    expect(got.c1[0]).toMatchObject({ seq: 1, complaintId: 'c1', applicantIin: 'iin1' });
    expect(marks.size).toBe(2);
  });
});
