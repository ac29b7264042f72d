import { CalendarExceptionKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CalendarEntity } from './calendar.entity';

/** A local date that is a holiday, or a make-up working day (调休) that would otherwise be off. */
@Entity('calendar_exceptions')
@Index('uq_calendar_exceptions_calendar_date', ['calendarId', 'date'], {
  unique: true,
})
export class CalendarExceptionEntity extends VersionedEntity {
  @Column({ name: 'calendar_id', type: 'uuid' })
  calendarId!: string;

  @ManyToOne(() => CalendarEntity, (calendar) => calendar.exceptions, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({
    name: 'calendar_id',
    foreignKeyConstraintName: 'fk_calendar_exceptions_calendar',
  })
  calendar?: Relation<CalendarEntity>;

  /** Local date, YYYY-MM-DD. */
  @Column({ type: 'date' })
  date!: string;

  @Column({
    type: 'enum',
    enum: CalendarExceptionKind,
    enumName: 'calendar_exception_kind',
  })
  kind!: CalendarExceptionKind;

  @Column({ type: 'text' })
  name!: string;
}
