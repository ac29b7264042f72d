import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProjectEntity } from '../planning/project.entity';

/**
 * The 18:00 not-ready list of one project for one date was made (one per project and date,
 * whichever worker or the watchdog got there first), written with its messages.
 */
@Entity('not_ready_list_runs')
export class NotReadyListRunEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_not_ready_list_runs_project' })
  project?: ProjectEntity;

  /** The date of the tasks listed (tomorrow, when it ran). */
  @PrimaryColumn({ name: 'list_date', type: 'date' })
  listDate!: string;

  /** How many of the date's tasks were not ready. */
  @Column({ name: 'not_ready_count', type: 'integer' })
  notReadyCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
