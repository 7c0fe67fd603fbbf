import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message waiting to be delivered; written in the same transaction as the change it reports. */
@Entity('outbox_message')
@Index(['deliveredAt', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'integer' }) // 'integer' is the one auto-increment type both SQLite and MySQL accept
  id: number;

  @Column({ type: 'varchar', length: 36, unique: true })
  eventId: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}
