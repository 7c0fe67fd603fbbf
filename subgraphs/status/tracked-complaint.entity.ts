import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReviewBodyKind, StatusMarkKind } from '../../platform/enums';

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

  @Column({ type: 'varchar', length: 36 })
  serviceProviderId: string;

  @Column({ type: 'varchar', length: 9, nullable: true })
  katoCode: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  handlerId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  handlerBodyId: string | null;

  @Column({ type: 'varchar', length: 32 })
  reviewBodyKind: ReviewBodyKind;

  @Column({ type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: StatusMarkKind;
}
