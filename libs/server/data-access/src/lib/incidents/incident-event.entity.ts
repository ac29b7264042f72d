import { IncidentEventKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IncidentEntity } from './incident.entity';

/** One entry of an incident's timeline: what happened, when, and who did it. */
@Entity('incident_events')
@Index('ix_incident_events_incident_at', ['incidentId', 'at'])
export class IncidentEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'fk_incident_events_incident' })
  incident?: IncidentEntity;

  @Column({ type: 'enum', enum: IncidentEventKind, enumName: 'incident_event_kind' })
  kind!: IncidentEventKind;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'user' | 'crew' | 'system';

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;
}
