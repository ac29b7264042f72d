import { COMMITMENT_OUTCOMES, CommitmentOutcome, VARIANCE_REASONS, VarianceReason } from '@worksite/shared-make-ready';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TaskEntity } from '../planning/task.entity';
import { WeeklyPlanEntity } from './weekly-plan.entity';

/**
 * A crew's commitment to a task in a weekly plan, with what became of it: done, or not done
 * with a reason for variance. Crew and department are copied at commit time so that PPC per
 * crew and per department stays what it was when the task later moves to another crew.
 */
@Entity('weekly_commitments')
@Index('uq_weekly_commitments_plan_task', ['planId', 'taskId'], { unique: true })
@Index('ix_weekly_commitments_task', ['taskId'])
export class WeeklyCommitmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => WeeklyPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_weekly_commitments_plan' })
  plan?: WeeklyPlanEntity;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_weekly_commitments_task' })
  task?: TaskEntity;

  @Column({ name: 'crew_id', type: 'uuid', nullable: true })
  crewId!: string | null;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  /** The task had no open constraint when committed (made ready). */
  @Column({ name: 'made_ready', type: 'boolean', default: true })
  madeReady!: boolean;

  @Column({ type: 'enum', enum: COMMITMENT_OUTCOMES, enumName: 'commitment_outcome', nullable: true })
  outcome!: CommitmentOutcome | null;

  @Column({ type: 'enum', enum: VARIANCE_REASONS, enumName: 'variance_reason', nullable: true })
  reason!: VarianceReason | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'committed_by_name', type: 'text', default: '' })
  committedByName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
