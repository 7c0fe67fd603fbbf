import type { MarkScope, StatusMarkRecord } from '../marks';
import { OrderedMarkStream } from './ordered-mark-stream';

/** Marks of applicant A on complaints c1 and c2, numbered in both streams as the writer numbers them. */
const committed: StatusMarkRecord[] = [
  { seq: 10, complaintId: 'c1', applicantIin: 'A', complaintSeq: 0, applicantSeq: 1 },
  { seq: 12, complaintId: 'c2', applicantIin: 'A', complaintSeq: 0, applicantSeq: 2 },
  { seq: 13, complaintId: 'c1', applicantIin: 'A', complaintSeq: 1, applicantSeq: 3 },
  { seq: 15, complaintId: 'c1', applicantIin: 'A', complaintSeq: 2, applicantSeq: 4 },
].map((m) => ({ ...m, id: `m${m.seq}`, kind: 'REGISTERED', at: new Date(0), actorId: null, note: null, result: null, assigneeId: null, dueOn: null }) as StatusMarkRecord);
const mark = (seq: number) => committed.find((m) => m.seq === seq)!;
/** The notice its writer publishes: the whole mark. */
const notice = (seq: number) => ({ seq, complaintId: mark(seq).complaintId, applicantIin: mark(seq).applicantIin, mark: mark(seq) });

/** A test's database: the marks committed so far, read as the repository reads them. */
function streamOf(scope: MarkScope) {
  const db: StatusMarkRecord[] = [];
  const readAfter = async (seq: number, s: MarkScope, take: number) =>
    db
      .filter((m) => m.seq > seq && (!s.complaintId || m.complaintId === s.complaintId) && (!s.applicantIin || m.applicantIin === s.applicantIin))
      .slice(0, take);
  const delivered: number[] = [];
  const stream = new OrderedMarkStream(scope, readAfter, (m) => delivered.push(m.seq));
  const commit = (...seqs: number[]) => db.push(...seqs.map(mark));
  return { stream, delivered, commit };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OrderedMarkStream', () => {
  it('delivers the next mark of its sequence as the notice brings it, without reading', async () => {
    const { stream, delivered, commit } = streamOf({ applicantIin: 'A' });
    commit(10);
    await stream.start(mark(10)); // the newest mark on record: the stream starts after it, in place 1
    commit(12, 13);
    stream.notice(notice(12));
    stream.notice(notice(13));
    expect(delivered).toEqual([12, 13]);
    expect(stream.reads).toBe(1); // the start's read only
  });

  it('reads on a gap or a reordering, and delivers in seq order with no duplicate', async () => {
    const { stream, delivered, commit } = streamOf({ complaintId: 'c1', applicantIin: 'A' });
    commit(10);
    await stream.start(mark(10));
    commit(12, 13, 15);
    stream.notice(notice(15)); // complaintSeq 2 after 0: the notice of 13 is missing or late
    await settle();
    stream.notice(notice(13)); // the late notice: delivered already by the read
    stream.notice(notice(12)); // another complaint's mark: not this stream's
    await settle();
    expect(delivered).toEqual([13, 15]);
    expect(stream.reads).toBe(2);
  });

  it('reads at the first notice when its place is not known (a start with no mark, or marks from before the sequences)', async () => {
    const { stream, delivered, commit } = streamOf({ applicantIin: 'A' });
    await stream.start({ seq: 0 });
    commit(10, 12, 13, 15);
    stream.notice(notice(12));
    await settle();
    expect(delivered).toEqual([10, 12, 13, 15]);
    expect(stream.reads).toBe(2);
  });

  it('reads at a notice of the poll, which carries no mark', async () => {
    const { stream, delivered, commit } = streamOf({ applicantIin: 'A' });
    commit(10);
    await stream.start(mark(10));
    commit(12);
    stream.notice({ seq: 12, complaintId: 'c2', applicantIin: 'A' });
    await settle();
    expect(delivered).toEqual([12]);
    expect(stream.reads).toBe(2);
  });

  it("ignores another applicant's mark on a complaint subscription", async () => {
    const { stream, delivered, commit } = streamOf({ complaintId: 'c1', applicantIin: 'B' });
    await stream.start({ seq: 0 });
    commit(10);
    stream.notice(notice(10));
    await settle();
    expect(delivered).toEqual([]);
    expect(stream.reads).toBe(1);
  });
});
