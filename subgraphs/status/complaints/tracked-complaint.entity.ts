import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Addressee, Channel, ReviewBodyKind, ReviewResult, StatusMarkKind } from '../../../contracts/enums';

/** What status knows of a complaint: copied from intake's ComplaintFiled event, then moved on by marks. */
@Entity('tracked_complaint')
export class TrackedComplaint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  complaintId: string;

  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Index()
  @Column({ type: 'varchar', length: 12 })
  applicantIin: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  serviceProviderId: string;

  @Column({ type: 'varchar', length: 9, nullable: true })
  katoCode: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  handlerId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  handlerBodyId: string | null;

  /** How and to whom it was filed (statistics); null for complaints tracked before these were kept. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: Channel | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  addressee: Addressee | null;

  /** The applicant's names, only to mask them in the notes an inter-agency consumer reads. */
  @Column({ type: 'simple-json', nullable: true })
  applicantNames: (string | null)[] | null;

  @Column({ type: 'varchar', length: 32 })
  reviewBodyKind: ReviewBodyKind;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: StatusMarkKind;

  /**
   * Kazakhstan date the body that has the complaint received it: the filing day, then the day of each forward
   * (the new body registers it anew, with its own terms, APPC Art. 65). Null only on rows from before it was
   * kept: read it through `receivedOnOf`.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  receivedOn: string | null;

  /** The last FORWARDED mark came after the forwarding term (APPC Art. 65); cleared when the new body registers. */
  @Column({ type: 'boolean', default: false })
  forwardedLate: boolean;

  /** Bumped by every mark: a write succeeds only from the version it read, so marks on one complaint serialise. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  registrationNumber: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  registeredAt: Date | null;

  /** The working day the complaint counts as registered on (APPC Art. 63(2)). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  registeredOn: string | null;

  /** Due date before any extension: the base of the APPC Art. 76 cap. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  originalDueOn: string | null;

  @Index()
  @Column({ type: 'varchar', length: 10, nullable: true })
  reviewDueOn: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reviewResult: ReviewResult | null;

  /** Kazakhstan date of the REVIEWED or WITHDRAWN mark that ended the timeline. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  closedOn: string | null;
}
