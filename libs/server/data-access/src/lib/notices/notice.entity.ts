import { Language, NoticeReason } from '@worksite/shared-domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CrewEntity } from '../org/crew.entity';
import { NoticeRunEntity } from './notice-run.entity';

/** One change of an amended notice, as stored (see NoticeChangeDto). */
export interface NoticeChangeData {
  kind: string;
  taskId: string;
  title: string;
  before?: string;
  after?: string;
}

/**
 * One crew's schedule for one local date, one row per revision, stored as sent before
 * anything is sent. (crew, date, revision) is unique: the guard against a second notice.
 */
@Entity('notices')
@Index('uq_notices_crew_date_revision', ['crewId', 'noticeDate', 'revision'], { unique: true })
@Index('ix_notices_date', ['noticeDate'])
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_notices_run')
  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId!: string | null;

  @ManyToOne(() => NoticeRunEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_notices_run' })
  run?: NoticeRunEntity | null;

  @Column({ name: 'crew_id', type: 'uuid' })
  crewId!: string;

  @ManyToOne(() => CrewEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'crew_id', foreignKeyConstraintName: 'fk_notices_crew' })
  crew?: CrewEntity;

  /** Projects of the tasks in it (a crew may work for several): coordinators' access. */
  @Column({ name: 'project_ids', type: 'uuid', array: true, default: () => "'{}'" })
  projectIds!: string[];

  @Column({ name: 'notice_date', type: 'date' })
  noticeDate!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'enum', enum: NoticeReason, enumName: 'notice_reason' })
  reason!: NoticeReason;

  @Column({ type: 'enum', enum: Language, enumName: 'language' })
  language!: Language;

  @Column({ type: 'text' })
  subject!: string;

  /** The structured content as sent (NoticeContent of @worksite/notices-domain). */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** The plain text as sent, with the acknowledgement link as a placeholder. */
  @Column({ type: 'text' })
  text!: string;

  /** Amendments: what changed against the previous revision. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: NoticeChangeData[];

  @Column({ name: 'task_count', type: 'integer' })
  taskCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When every delivery of it had ended (sent, failed, unknown or skipped). */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  /** 'link' (the link in a message) or 'session' (the crew lead signed in). */
  @Column({ name: 'acknowledged_via', type: 'text', nullable: true })
  acknowledgedVia!: 'link' | 'session' | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}
