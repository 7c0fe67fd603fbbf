import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An official as stored; the GraphQL `Official` (official.type.ts) is resolved from it. */
@Entity('official')
export class OfficialRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  surname: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  patronymic: string | null;

  @Column({ type: 'varchar', length: 200 })
  position: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  serviceProviderId: string | null;

  /** The unit the official serves; an akimat official has a unit and no provider. */
  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  katoCode: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
