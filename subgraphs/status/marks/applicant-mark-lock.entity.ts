import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per applicant, written (and so locked) in every transaction that appends a mark to one of their
 * complaints. Marks of one applicant therefore commit one after another, in the order of their `seq`: a cabinet
 * that resumes its all-complaints stream with `after` cannot skip a mark that committed late with a lower `seq`.
 * The same lock numbers their marks (`markCount`), so a live stream can tell the next mark from a gap.
 */
@Entity('applicant_mark_lock')
export class ApplicantMarkLock {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  applicantIin: string;

  @Column({ type: 'datetime', precision: 3 })
  lastMarkAt: Date;

  /** The applicant's marks numbered so far: the last one's `applicantSeq` (counting began with that column). */
  @Column({ type: 'int', default: 0 })
  markCount: number;
}
