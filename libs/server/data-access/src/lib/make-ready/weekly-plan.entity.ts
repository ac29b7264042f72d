import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { ProjectEntity } from '../planning/project.entity';

/** A project's weekly work plan: the tasks crews commit to for one week, frozen when it starts. */
@Entity('weekly_plans')
@Index('uq_weekly_plans_project_week', ['projectId', 'weekStart'], { unique: true })
export class WeeklyPlanEntity extends VersionedEntity {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_weekly_plans_project' })
  project?: ProjectEntity;

  /** Local date of the week's Monday. */
  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  /** When the plan was frozen (the week began); commitments no longer change after it. */
  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;
}
