import { Column, Entity, Index, OneToMany, Relation } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { BlackoutWindowEntity } from './blackout-window.entity';
import { CalendarExceptionEntity } from './calendar-exception.entity';

/** Local working windows for one weekday, e.g. [{start:'08:00', end:'12:00'}]. */
export interface WorkWindowData {
  start: string;
  end: string;
}

/** Working windows per ISO weekday, '1' (Monday) to '7' (Sunday). */
export type WeeklyWindowsData = Record<string, WorkWindowData[]>;

/**
 * A working calendar: weekly windows plus holidays, make-up days and blackout windows.
 * Windows are local times, read in the time zone of the project using the calendar.
 */
@Entity('calendars')
export class CalendarEntity extends VersionedEntity {
  @Index('uq_calendars_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'weekly_windows', type: 'jsonb' })
  weeklyWindows!: WeeklyWindowsData;

  @OneToMany(() => CalendarExceptionEntity, (exception) => exception.calendar)
  exceptions?: Relation<CalendarExceptionEntity[]>;

  @OneToMany(() => BlackoutWindowEntity, (blackout) => blackout.calendar)
  blackouts?: Relation<BlackoutWindowEntity[]>;
}
