import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TaskEntity } from '../planning/task.entity';
import { IncidentEntity } from './incident.entity';

/** Planned work that clashes with an incident (same crew or same building), flagged to the coordinators. */
@Entity('incident_clashes')
export class IncidentClashEntity {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'fk_incident_clashes_incident' })
  incident?: IncidentEntity;

  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_incident_clashes_task' })
  task?: TaskEntity;

  @PrimaryColumn({ type: 'text' })
  reason!: 'same-crew' | 'same-location';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
