import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The administrator's additions to and corrections of the calendar's seed (`data/kz-working-calendar.json`),
 * audited: who recorded each entry, when, on what source; withdrawals keep the row and say who, when and why.
 * A withdrawal of a seed entry is a row of kind WITHDRAWAL naming the seed entry in `targetId`.
 */
@Entity('calendar_entry')
export class CalendarEntryRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  /** HOLIDAY, TRANSFER, COVERAGE or WITHDRAWAL (of a seed entry). */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Index()
  @Column({ type: 'int' })
  year: number;

  /** The holiday, or the transfer's new day off. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  date: string | null;

  /** The transfer's new working day. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  workingDay: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  holidayKind: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 64 })
  recordedBy: string;

  @Column({ type: 'datetime', precision: 3 })
  recordedAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  withdrawnBy: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  withdrawReason: string | null;
}
