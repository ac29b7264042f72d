import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaselineEntity } from './baseline.entity';

/**
 * One task of a baseline: its planned dates and duration when the baseline was saved. No
 * foreign key to tasks: a baseline keeps a task that was deleted since (with its title).
 */
@Entity('baseline_tasks')
export class BaselineTaskEntity {
  @PrimaryColumn({ name: 'baseline_id', type: 'uuid', primaryKeyConstraintName: 'pk_baseline_tasks' })
  baselineId!: string;

  @ManyToOne(() => BaselineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'baseline_id', foreignKeyConstraintName: 'fk_baseline_tasks_baseline' })
  baseline?: BaselineEntity;

  @PrimaryColumn({ name: 'task_id', type: 'uuid', primaryKeyConstraintName: 'pk_baseline_tasks' })
  taskId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'planned_start', type: 'timestamptz' })
  plannedStart!: Date;

  @Column({ name: 'planned_finish', type: 'timestamptz' })
  plannedFinish!: Date;

  /** Working minutes of the project calendar. */
  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;
}
