import { ConstraintType, InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CrewEntity } from '../org/crew.entity';
import { DepartmentEntity } from '../org/department.entity';
import { LocationEntity } from '../sites/location.entity';
import { ProjectEntity } from './project.entity';

/** One line of the materials & tools list of a task. */
export interface MaterialData {
  name: string;
  quantity?: number;
  unit?: string;
}

/** A work item on the Gantt: who does what, where and when. */
@Entity('tasks')
/**
 * Also the order of a project's task list (start date, planned start, id). No index holds
 * `plannedStart` or `plannedFinish`: a push that keeps a task on its days then updates its row in
 * place, without new index entries (migration TaskHotMoves).
 */
@Index('ix_tasks_project_dates', ['projectId', 'startDate', 'finishDate'])
@Index('ix_tasks_crew_dates', ['crewId', 'startDate'])
@Index('ix_tasks_location_dates', ['locationId', 'startDate'])
@Index('ix_tasks_department_dates', ['departmentId', 'startDate'])
@Index('uq_tasks_project_code', ['projectId', 'code'], { unique: true })
@Index('uq_tasks_project_external_code', ['projectId', 'externalCode'], {
  unique: true,
  where: 'external_code IS NOT NULL',
})
export class TaskEntity extends VersionedEntity {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'project_id',
    foreignKeyConstraintName: 'fk_tasks_project',
  })
  project?: ProjectEntity;

  /**
   * Sequential number within the project (MS Project's ID), shown in the table and used by the
   * predecessors notation ("12FS+2d"). Assigned on insert by the database (the project's highest
   * code + 1, under the project's lock), never reused, never changed.
   */
  @Column({ type: 'integer', update: false })
  code!: number;

  @Column({ type: 'text' })
  title!: string;

  /** The task's code (编号) in the sheet or file it was imported from; unique per project. */
  @Column({ name: 'external_code', type: 'text', nullable: true })
  externalCode!: string | null;

  /** Work content (施工内容). */
  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'department_id',
    foreignKeyConstraintName: 'fk_tasks_department',
  })
  department?: DepartmentEntity;

  @Column({ name: 'crew_id', type: 'uuid', nullable: true })
  crewId!: string | null;

  @ManyToOne(() => CrewEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'crew_id', foreignKeyConstraintName: 'fk_tasks_crew' })
  crew?: CrewEntity | null;

  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId!: string | null;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'location_id',
    foreignKeyConstraintName: 'fk_tasks_location',
  })
  location?: LocationEntity | null;

  @Column({ name: 'planned_start', type: 'timestamptz' })
  plannedStart!: Date;

  @Column({ name: 'planned_finish', type: 'timestamptz' })
  plannedFinish!: Date;

  /** Local date of the planned start in the project's time zone (kept for day-plan queries). */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** Local date of the planned finish in the project's time zone. */
  @Column({ name: 'finish_date', type: 'date' })
  finishDate!: string;

  /** Duration in working minutes of the project's calendar. */
  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials!: MaterialData[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tools!: string[];

  @Column({ name: 'safety_notes', type: 'text', default: '' })
  safetyNotes!: string;

  @Column({
    type: 'enum',
    enum: TaskStatus,
    enumName: 'task_status',
    default: TaskStatus.Planned,
  })
  status!: TaskStatus;

  /** Percent complete, 0 to 100. */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({
    name: 'scheduling_mode',
    type: 'enum',
    enum: SchedulingMode,
    enumName: 'scheduling_mode',
    default: SchedulingMode.Automatic,
  })
  schedulingMode!: SchedulingMode;

  @Column({
    name: 'constraint_type',
    type: 'enum',
    enum: ConstraintType,
    enumName: 'constraint_type',
    nullable: true,
  })
  constraintType!: ConstraintType | null;

  @Column({ name: 'constraint_at', type: 'timestamptz', nullable: true })
  constraintAt!: Date | null;

  /** Utilities the work needs while it runs (e.g. power for fibre splicing). */
  @Column({
    name: 'needs_utilities',
    type: 'enum',
    enum: InterruptionKind,
    enumName: 'interruption_kind',
    array: true,
    default: () => "'{}'",
  })
  needsUtilities!: InterruptionKind[];

  /** The cut this task causes for residents, if any. */
  @Column({
    name: 'interruption_kind',
    type: 'enum',
    enum: InterruptionKind,
    enumName: 'interruption_kind',
    nullable: true,
  })
  interruptionKind!: InterruptionKind | null;

  @Column({
    name: 'interruption_starts_at',
    type: 'timestamptz',
    nullable: true,
  })
  interruptionStartsAt!: Date | null;

  @Column({ name: 'interruption_ends_at', type: 'timestamptz', nullable: true })
  interruptionEndsAt!: Date | null;

  /** Buildings (or other locations) whose residents are cut off; checked to exist on write. */
  @Column({
    name: 'interruption_location_ids',
    type: 'uuid',
    array: true,
    default: () => "'{}'",
  })
  interruptionLocationIds!: string[];
}
