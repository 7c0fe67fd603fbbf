import { In, MoreThan, type EntityManager } from 'typeorm';
import { StatusMarkKind } from '../../../contracts/enums';
import { insertRows } from '../../../platform/rows-insert';
import { StatusMarkRecord } from './status-mark.entity';

/** Which marks a read covers: one complaint's, one applicant's, or both conditions at once. */
export interface MarkScope {
  complaintId?: string;
  applicantIin?: string;
}

/** Where a mark sits: enough to route it to the streams that follow its complaint or its applicant. */
export interface MarkPosition {
  seq: number;
  complaintId: string;
  applicantIin: string;
}

function where(scope: MarkScope) {
  return {
    ...(scope.complaintId ? { complaintId: scope.complaintId } : {}),
    ...(scope.applicantIin ? { applicantIin: scope.applicantIin } : {}),
  };
}

/** Queries of the append-only marks. Made on `db.manager`, or on a transaction's manager to join it. */
export class StatusMarkRepository {
  constructor(private readonly em: EntityManager) {}

  /** A new mark row (not yet written); its `seq` is given at insert. Flat columns only: no need for `em.create`'s walk. */
  create(fields: Omit<StatusMarkRecord, 'seq'>): StatusMarkRecord {
    return Object.assign(new StatusMarkRecord(), fields);
  }

  async insert(records: StatusMarkRecord | StatusMarkRecord[]): Promise<void> {
    await this.em.insert(StatusMarkRecord, records);
  }

  /**
   * Writes one mark and sets its `seq` from the insert's own answer (no read back). Plain SQL through `insertRows`:
   * TypeORM's insert builder cost more CPU per mark than the database spends storing it.
   */
  async insertOne(record: StatusMarkRecord): Promise<void> {
    const answer = (await insertRows(this.em, StatusMarkRecord, [record])) as number | bigint | { insertId?: number | string };
    record.seq = Number(typeof answer === 'object' ? answer.insertId : answer);
  }

  /** The marks with these ids, in `seq` order (the sequence read back, not guessed from the driver). */
  byIds(ids: string[]): Promise<StatusMarkRecord[]> {
    return this.em.find(StatusMarkRecord, { where: { id: In(ids) }, order: { seq: 'ASC' } });
  }

  byId(id: string): Promise<StatusMarkRecord | null> {
    return this.em.findOneBy(StatusMarkRecord, { id });
  }

  /** One complaint's timeline, oldest first. */
  ofComplaint(complaintId: string): Promise<StatusMarkRecord[]> {
    return this.em.find(StatusMarkRecord, { where: { complaintId }, order: { seq: 'ASC' } });
  }

  /** The marks in `scope` after `seq`, oldest first, at most `take`. */
  after(seq: number, scope: MarkScope, take: number): Promise<StatusMarkRecord[]> {
    return this.em.find(StatusMarkRecord, { where: { seq: MoreThan(seq), ...where(scope) }, order: { seq: 'ASC' }, take });
  }

  /** The newest mark in `scope` (every mark when empty): its `seq` and stream sequences only. */
  newest(scope: MarkScope = {}): Promise<Pick<StatusMarkRecord, 'seq' | 'complaintSeq' | 'applicantSeq'> | null> {
    return this.em.findOne(StatusMarkRecord, {
      where: where(scope),
      order: { seq: 'DESC' },
      select: { seq: true, complaintSeq: true, applicantSeq: true },
    });
  }

  /** Where the marks after `seq` sit, oldest first, at most `take` (the dispatcher's poll; raw rows: it runs often). */
  async positionsAfter(seq: number, take: number): Promise<MarkPosition[]> {
    const rows: { seq: number | string; complaintId: string; applicantIin: string }[] = await this.em
      .createQueryBuilder(StatusMarkRecord, 'm')
      .select('m.seq', 'seq')
      .addSelect('m.complaintId', 'complaintId')
      .addSelect('m.applicantIin', 'applicantIin')
      .where('m.seq > :seq', { seq })
      .orderBy('m.seq', 'ASC')
      .limit(take)
      .getRawMany();
    return rows.map((r) => ({ seq: Number(r.seq), complaintId: r.complaintId, applicantIin: r.applicantIin }));
  }

  /** When each of these complaints was forwarded, oldest first (statistics). */
  forwardsOf(complaintIds: string[]): Promise<Pick<StatusMarkRecord, 'complaintId' | 'at'>[]> {
    if (complaintIds.length === 0) return Promise.resolve([]);
    return this.em.find(StatusMarkRecord, {
      select: { complaintId: true, at: true },
      where: { kind: StatusMarkKind.FORWARDED, complaintId: In(complaintIds) },
      order: { seq: 'ASC' },
    });
  }
}
