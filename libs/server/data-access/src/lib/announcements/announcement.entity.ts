import { ANNOUNCEMENT_STATES, AnnouncementState } from '@worksite/shared-announcements';
import { InterruptionKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { ProjectEntity } from '../planning/project.entity';
import { TaskEntity } from '../planning/task.entity';

/**
 * A resident announcement of a cut: of a planned task's interruption (one per task), or of an
 * incident (`incident_id`, no foreign key yet). The text is generated from the facts and may
 * be edited; `revision` counts the drafts generated because the cut moved. States follow
 * @worksite/shared-announcements.
 */
@Entity('announcements')
@Index('uq_announcements_task', ['taskId'], { unique: true, where: 'task_id IS NOT NULL' })
@Index('ix_announcements_project', ['projectId', 'startsAt'])
@Index('ix_announcements_incident', ['incidentId'])
export class AnnouncementEntity extends VersionedEntity {
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_announcements_project' })
  project?: ProjectEntity | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => TaskEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_announcements_task' })
  task?: TaskEntity | null;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId!: string | null;

  @Column({ type: 'enum', enum: ANNOUNCEMENT_STATES, enumName: 'announcement_state', default: 'draft' })
  state!: AnnouncementState;

  @Column({ type: 'boolean', default: false })
  emergency!: boolean;

  @Column({ type: 'enum', enum: InterruptionKind, enumName: 'interruption_kind', array: true })
  kinds!: InterruptionKind[];

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'location_ids', type: 'uuid', array: true, default: () => "'{}'" })
  locationIds!: string[];

  @Column({ type: 'text', default: '' })
  reason!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  workers!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contacts!: string[];

  /** Who signs it (the community or the project). */
  @Column({ type: 'text', default: '' })
  issuer!: string;

  @Column({ type: 'text' })
  text!: string;

  /** The text was changed by hand (it is not generated again unless the cut moves). */
  @Column({ type: 'boolean', default: false })
  edited!: boolean;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  /** The cut the current draft tells (cutFingerprint): differs from the task's when the task moved. */
  @Column({ name: 'cut_fingerprint', type: 'text', default: '' })
  cutFingerprint!: string;

  /** Residents were told other times: the new draft must be approved and posted. */
  @Column({ name: 'update_needed', type: 'boolean', default: false })
  updateNeeded!: boolean;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by_name', type: 'text', nullable: true })
  approvedByName!: string | null;

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt!: Date | null;
}
