import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An official (and their body) who had a complaint before and keeps read access to it: the body that forwarded it
 * (APPC Art. 65 keeps it answerable for what it did), and the office clerk who accepted the paper complaint.
 */
@Entity('former_holder')
export class FormerHolder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  complaintId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  officialId: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  bodyId: string | null;
}
