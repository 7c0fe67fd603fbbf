import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Intake's copy of who held a complaint before and keeps read access (the body that forwarded it, the office
 * clerk who accepted it on paper). Written at filing and from status's ComplaintHandlerChanged events; status keeps
 * the same rows (`former_holder`), so both subgraphs apply the same rule.
 */
@Entity('complaint_former_holder')
export class ComplaintFormerHolder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  complaintId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  officialId: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  bodyId: string | null;
}
