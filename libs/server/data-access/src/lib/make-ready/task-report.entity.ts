import { REPORT_KINDS, ReportKind, VARIANCE_REASONS, VarianceReason } from '@worksite/shared-make-ready';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaskEntity } from '../planning/task.entity';

/**
 * One tap of a crew lead on a task (started, progress, done, not done with a reason). The
 * phone gives each tap a key; the same key sent again (a retry after being offline) is the
 * same report, applied once. Never changed.
 */
@Entity('task_reports')
@Index('uq_task_reports_user_key', ['userId', 'clientKey'], { unique: true })
@Index('ix_task_reports_task', ['taskId', 'tappedAt'])
export class TaskReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_reports_task' })
  task?: TaskEntity;

  @Column({ name: 'crew_id', type: 'uuid', nullable: true })
  crewId!: string | null;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'client_key', type: 'text' })
  clientKey!: string;

  @Column({ type: 'enum', enum: REPORT_KINDS, enumName: 'task_report_kind' })
  kind!: ReportKind;

  /** 0–100, for 'progress' (and 100 for 'done'). */
  @Column({ type: 'smallint', nullable: true })
  progress!: number | null;

  @Column({ type: 'enum', enum: VARIANCE_REASONS, enumName: 'variance_reason', nullable: true })
  reason!: VarianceReason | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  /** When the lead tapped (the phone's clock; may be long before it reached us). */
  @Column({ name: 'tapped_at', type: 'timestamptz' })
  tappedAt!: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
