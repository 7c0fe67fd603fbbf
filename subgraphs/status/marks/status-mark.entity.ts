import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReviewResult, StatusMarkKind } from '../../../contracts/enums';

/** One mark on a complaint's timeline. Append-only: never updated or deleted. */
@Entity('status_mark')
@Index(['complaintId', 'seq'])
export class StatusMarkRecord {
  /** Global commit order; the public `cursor` encodes it. */
  @PrimaryGeneratedColumn({ type: 'integer' }) // 'integer' is the one auto-increment type both SQLite and MySQL accept
  seq: number;

  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  complaintId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: StatusMarkKind;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  result: ReviewResult | null;

  @Index()
  @Column({ type: 'varchar', length: 12 })
  applicantIin: string;

  /** The new handler (FORWARDED) or the executor (IN_EXECUTION). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  /** The review due date the mark set (REGISTERED, EXTENDED). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueOn: string | null;

  /**
   * Its place in its complaint's stream: 0 for DELIVERED, then one more per mark (the complaint's version after
   * it), so a subscriber that has delivered n knows n + 1 is next. Null on marks written before it was kept.
   */
  @Column({ type: 'int', nullable: true })
  complaintSeq: number | null;

  /** Its place among its applicant's marks: 1, 2, … (`applicant_mark_lock.markCount` after it); null likewise. */
  @Column({ type: 'int', nullable: true })
  applicantSeq: number | null;
}
