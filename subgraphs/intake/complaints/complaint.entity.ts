import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Addressee, Channel, ReviewBodyKind, StatusMarkKind } from '../../../contracts/enums';

export interface StoredRespondent {
  position: string;
  surname: string;
  name: string;
}

/** A filed complaint as stored by intake; never updated after filing. */
@Entity('complaint')
@Index(['idempotencyScope', 'idempotencyKey'], { unique: true })
@Index(['applicantIin', 'submittedAt'])
@Index(['submittedAt', 'id'])
@Index(['serviceProviderId', 'submittedAt'])
export class ComplaintRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  number: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 32 })
  addressee: Addressee;

  @Column({ type: 'varchar', length: 36 })
  serviceProviderId: string;

  @Column({ type: 'varchar', length: 9, nullable: true })
  katoCode: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  publicService: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  issueCategory: string | null;

  @Column({ type: 'varchar', length: 12 })
  applicantIin: string;

  @Column({ type: 'varchar', length: 100 })
  applicantSurname: string;

  @Column({ type: 'varchar', length: 100 })
  applicantName: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  applicantPatronymic: string | null;

  @Column({ type: 'varchar', length: 500 })
  postalAddress: string;

  @Column({ type: 'simple-json' })
  phones: string[];

  @Column({ type: 'simple-json' })
  respondents: StoredRespondent[];

  @Column({ type: 'text' })
  reasons: string;

  @Column({ type: 'text' })
  demands: string;

  /** The portal's signature, or a note that the paper original is signed. */
  @Column({ type: 'text' })
  signature: string;

  @Column({ type: 'varchar', length: 10 })
  filedOn: string;

  @Column({ type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  handlerId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  handlerBodyId: string | null;

  /** Who has the complaint now (status forwards it; ComplaintHandlerChanged events keep this copy current). */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  currentHandlerId: string | null;

  /** The body (provider id, or the akimat's unit code) of the current handler: its staff read and list it. */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  currentBodyId: string | null;

  /** Status's copy of the status and terms (ComplaintStatusChanged events), for the staff lists' filters. */
  @Index()
  @Column({ type: 'varchar', length: 16, default: 'DELIVERED' })
  status: StatusMarkKind;

  @Index()
  @Column({ type: 'varchar', length: 10, nullable: true })
  reviewDueOn: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  closedOn: string | null;

  /** The first day it counts as overdue as it stands (status's complaint-terms `overdueFrom`); null: not on its way. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  overdueFrom: string | null;

  @Column({ type: 'int', default: 0 })
  statusVersion: number;

  /** Status's mark version of the latest handler change applied here: older or repeated events change nothing. */
  @Column({ type: 'int', default: 0 })
  holderVersion: number;

  @Column({ type: 'varchar', length: 300 })
  jurisdictionRule: string;

  @Column({ type: 'varchar', length: 32 })
  reviewBodyKind: ReviewBodyKind;

  @Column({ type: 'varchar', length: 32, nullable: true, unique: true })
  talonNumber: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  talonIssuedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  acceptedById: string | null;

  /** When the applicant learned of the act or action (APPC Art. 92 counts the filing term from it). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  violationLearnedOn: string | null;

  /**
   * The last day to file as worked out at filing on status's working-day calendar (APPC Art. 92); null without
   * `violationLearnedOn`, and on rows stored before it was kept (then read with the weekend-only fallback).
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  filingDeadline: string | null;

  /** The applicant's reason for filing after the 3-month term; null when filed in time (APPC Art. 92). */
  @Column({ type: 'text', nullable: true })
  lateFilingReason: string | null;

  /** Who filed it, as `citizen:<iin>` or `clerk:<officialId>`: a retry key is unique per filer, not per applicant. */
  @Column({ type: 'varchar', length: 64 })
  idempotencyScope: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the validated content: a reused key with different content is a conflict, not a retry. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;
}
