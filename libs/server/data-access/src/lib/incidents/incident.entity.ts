import { IncidentKind, IncidentSeverity, IncidentStatus } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { VersionedEntity } from '../common/versioned.entity';
import { ProjectEntity } from '../planning/project.entity';
import { TaskEntity } from '../planning/task.entity';
import { LocationEntity } from '../sites/location.entity';

/** An emergency at a location, with its own 24-hour project of rush tasks. */
@Entity('incidents')
@Index('ix_incidents_status_reported', ['status', 'reportedAt'])
export class IncidentEntity extends VersionedEntity {
  @Index('uq_incidents_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'enum', enum: IncidentKind, enumName: 'incident_kind' })
  kind!: IncidentKind;

  @Column({ type: 'enum', enum: IncidentSeverity, enumName: 'incident_severity' })
  severity!: IncidentSeverity;

  @Column({ type: 'enum', enum: IncidentStatus, enumName: 'incident_status', default: IncidentStatus.Open })
  status!: IncidentStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'caller_name', type: 'text' })
  callerName!: string;

  @Column({ name: 'caller_phone', type: 'text', nullable: true })
  callerPhone!: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'reported_by_id', type: 'uuid' })
  reportedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_id', foreignKeyConstraintName: 'fk_incidents_reported_by' })
  reportedBy?: UserEntity;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_incidents_location' })
  location?: LocationEntity;

  @Column({ name: 'access_notes', type: 'text', default: '' })
  accessNotes!: string;

  @Index('uq_incidents_project', { unique: true })
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_incidents_project' })
  project?: ProjectEntity;

  @Column({ name: 'paperwork_task_id', type: 'uuid' })
  paperworkTaskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paperwork_task_id', foreignKeyConstraintName: 'fk_incidents_paperwork_task' })
  paperworkTask?: TaskEntity;

  @Column({ name: 'paperwork_due_at', type: 'timestamptz' })
  paperworkDueAt!: Date;

  /** When the paperwork reminder was planned (once per incident). */
  @Column({ name: 'paperwork_reminded_at', type: 'timestamptz', nullable: true })
  paperworkRemindedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by_id', type: 'uuid', nullable: true })
  closedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by_id', foreignKeyConstraintName: 'fk_incidents_closed_by' })
  closedBy?: UserEntity | null;
}
