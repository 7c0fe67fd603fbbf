import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per applicant, written (and so locked) in every transaction that appends a mark to one of their
 * complaints. Marks of one applicant therefore commit one after another, in the order of their `seq`: a cabinet
 * that resumes its all-complaints stream with `after` cannot skip a mark that committed late with a lower `seq`.
 */
@Entity('applicant_mark_lock')
export class ApplicantMarkLock {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  applicantIin: string;

  @Column({ type: 'datetime', precision: 3 })
  lastMarkAt: Date;
}
