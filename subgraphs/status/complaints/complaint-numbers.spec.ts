import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ReviewBodyKind, StatusMarkKind } from '../../../contracts/enums';
import { ComplaintNumbers } from './complaint-numbers';
import { TrackedComplaint } from './tracked-complaint.entity';

const row = (n: number): Partial<TrackedComplaint> => ({
  complaintId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  number: `Ш-${n}`,
  applicantIin: '900101300001',
  serviceProviderId: 'p',
  handlerId: 'h',
  reviewBodyKind: ReviewBodyKind.SERVICE_PROVIDER,
  submittedAt: new Date(),
  status: StatusMarkKind.DELIVERED,
});

describe("ComplaintNumbers: the marks' complaint numbers without a read per event", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-numbers-'));
  const db = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'n.sqlite'), entities: [TrackedComplaint], synchronize: true });
  beforeAll(async () => {
    await db.initialize();
    await db.getRepository(TrackedComplaint).insert([1, 2, 3].map(row));
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the numbers asked for in one tick with one query, then answers them at once', async () => {
    const numbers = new ComplaintNumbers(db);
    const ids = [1, 2, 3].map((n) => row(n).complaintId!);
    expect(await Promise.all(ids.map((id) => numbers.of(id)))).toEqual(['Ш-1', 'Ш-2', 'Ш-3']);
    expect(numbers.reads).toBe(1);
    expect(ids.map((id) => numbers.of(id))).toEqual(['Ш-1', 'Ш-2', 'Ш-3']); // not promises: no read
    expect(numbers.reads).toBe(1);
  });

  it('reads nothing for a remembered number, and reads only when a lazy number is asked for', async () => {
    const numbers = new ComplaintNumbers(db);
    numbers.remember('known', 'Ш-K');
    expect(numbers.lazily('known')).toBe('Ш-K');
    const lazy = numbers.lazily(row(2).complaintId!);
    expect(numbers.reads).toBe(0);
    expect(typeof lazy).toBe('function');
    expect(await (lazy as () => Promise<string>)()).toBe('Ш-2');
    expect(numbers.reads).toBe(1);
  });

  it('refuses a complaint status does not track, and reads it again next time', async () => {
    const numbers = new ComplaintNumbers(db);
    await expect(numbers.of('unknown')).rejects.toThrow('does not track');
    await expect(numbers.of('unknown')).rejects.toThrow('does not track');
    expect(numbers.reads).toBe(2);
  });
});
