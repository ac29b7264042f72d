import { NoticeRunStatus, NoticeRunTrigger } from '@worksite/shared-domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from '../planning/project.entity';

/**
 * The night run of one project for one local date (the date the notices are for). The
 * unique (project, date) key makes a second trigger — scheduler, watchdog or coordinator —
 * a no-op. Counters are updated by the workers in SQL, in the transaction of each change.
 */
@Entity('notice_runs')
@Index('uq_notice_runs_project_date', ['projectId', 'runDate'], { unique: true })
@Index('ix_notice_runs_status', ['status', 'runDate'])
export class NoticeRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_notice_runs_project' })
  project?: ProjectEntity;

  /** Local date (project zone) the notices are for: "tomorrow" when the run fires. */
  @Column({ name: 'run_date', type: 'date' })
  runDate!: string;

  @Column({
    type: 'enum',
    enum: NoticeRunStatus,
    enumName: 'notice_run_status',
    default: NoticeRunStatus.Pending,
  })
  status!: NoticeRunStatus;

  @Column({ type: 'enum', enum: NoticeRunTrigger, enumName: 'notice_run_trigger' })
  trigger!: NoticeRunTrigger;

  /** The coordinator or admin who asked for it (manual runs). */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  /** Crews with work on the date when the run fanned out: what the run owes. */
  @Column({ name: 'crew_ids', type: 'uuid', array: true, default: () => "'{}'" })
  crewIds!: string[];

  @Column({ name: 'crews_total', type: 'integer', default: 0 })
  crewsTotal!: number;

  /** Crews whose notice has been composed and whose deliveries all ended. */
  @Column({ name: 'crews_done', type: 'integer', default: 0 })
  crewsDone!: number;

  /** Crews with a failed delivery or no channel to reach them. */
  @Column({ name: 'crews_failed', type: 'integer', default: 0 })
  crewsFailed!: number;

  /** Crews whose work had gone from the date by the time their job ran. */
  @Column({ name: 'crews_skipped', type: 'integer', default: 0 })
  crewsSkipped!: number;

  @Column({ name: 'deliveries_sent', type: 'integer', default: 0 })
  deliveriesSent!: number;

  @Column({ name: 'deliveries_failed', type: 'integer', default: 0 })
  deliveriesFailed!: number;

  @Column({ name: 'deliveries_unknown', type: 'integer', default: 0 })
  deliveriesUnknown!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
