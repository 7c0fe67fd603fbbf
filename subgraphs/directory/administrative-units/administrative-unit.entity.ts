import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An administrative-territorial unit as stored; the GraphQL `AdministrativeUnit` is resolved from it. */
@Entity('administrative_unit')
export class AdministrativeUnitRecord {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  katoCode: string;

  @Column({ type: 'varchar', length: 300 })
  nameKk: string;

  @Column({ type: 'varchar', length: 300 })
  nameRu: string;

  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  parentKatoCode: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  akimOfficialId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
