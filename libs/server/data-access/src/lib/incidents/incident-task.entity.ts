import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TaskEntity } from '../planning/task.entity';
import { IncidentEntity } from './incident.entity';

/** A rush task of an incident and the playbook step it was made from ('paperwork' for 事故资料). */
@Entity('incident_tasks')
export class IncidentTaskEntity {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_incident_tasks_task' })
  task?: TaskEntity;

  @Index('ix_incident_tasks_incident')
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'fk_incident_tasks_incident' })
  incident?: IncidentEntity;

  @Column({ name: 'step_key', type: 'text' })
  stepKey!: string;
}
