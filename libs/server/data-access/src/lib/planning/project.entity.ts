import { NOT_READY_POLICIES, NotReadyPolicy } from '@worksite/shared-make-ready';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CalendarEntity } from './calendar.entity';

/** A renovation project (改造项目) over one or more compounds, with its working calendar. */
@Entity('projects')
export class ProjectEntity extends VersionedEntity {
  @Index('uq_projects_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** IANA zone in which working time and local dates of this project are computed. */
  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Shanghai' })
  timeZone!: string;

  @Index('ix_projects_calendar')
  @Column({ name: 'calendar_id', type: 'uuid' })
  calendarId!: string;

  @ManyToOne(() => CalendarEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'calendar_id',
    foreignKeyConstraintName: 'fk_projects_calendar',
  })
  calendar?: CalendarEntity;

  /** Local date the works start on. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ name: 'coordinator_name', type: 'text', nullable: true })
  coordinatorName!: string | null;

  @Column({ name: 'coordinator_phone', type: 'text', nullable: true })
  coordinatorPhone!: string | null;

  /**
   * The highest task code ever given in the project (kept by the tasks' insert trigger), so that a
   * deleted task's code is never given to a new one. Never written by the application.
   */
  @Column({ name: 'last_task_code', type: 'integer', default: 0, select: false, insert: false, update: false })
  lastTaskCode!: number;

  /** What the nightly notice does with a task that has open make-ready constraints. */
  @Column({
    name: 'not_ready_policy',
    type: 'enum',
    enum: NOT_READY_POLICIES,
    enumName: 'not_ready_policy',
    default: 'mark',
  })
  notReadyPolicy!: NotReadyPolicy;
}
