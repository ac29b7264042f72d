import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CalendarEntity } from './calendar.entity';

/** A window when no (noisy) work may happen, e.g. exam days in a school district. */
@Entity('blackout_windows')
@Index('ix_blackout_windows_calendar_starts', ['calendarId', 'startsAt'])
export class BlackoutWindowEntity extends VersionedEntity {
  @Column({ name: 'calendar_id', type: 'uuid' })
  calendarId!: string;

  @ManyToOne(() => CalendarEntity, (calendar) => calendar.blackouts, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({
    name: 'calendar_id',
    foreignKeyConstraintName: 'fk_blackout_windows_calendar',
  })
  calendar?: Relation<CalendarEntity>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  reason!: string;
}
