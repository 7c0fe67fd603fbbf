import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CompetenceKind } from './competence-kind';

/** An official resolves complaints about this public service or issue category (seed step 3), as stored. */
@Entity('competence')
@Index(['officialId', 'kind', 'matchKey'], { unique: true })
export class CompetenceRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  officialId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CompetenceKind;

  @Column({ type: 'varchar', length: 50, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Normalised code (or name when there is no code): one official holds a competence once. */
  @Column({ type: 'varchar', length: 300 })
  matchKey: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
