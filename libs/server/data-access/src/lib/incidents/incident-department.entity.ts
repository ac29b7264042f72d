import { IncidentDepartmentStatus } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CrewEntity } from '../org/crew.entity';
import { DepartmentEntity } from '../org/department.entity';
import { IncidentEntity } from './incident.entity';

/** A department called in to an incident, its on-duty crew at the time, and where it stands. */
@Entity('incident_departments')
@Index('uq_incident_departments_incident_department', ['incidentId', 'departmentId'], { unique: true })
@Index('ix_incident_departments_escalation', ['status', 'escalationDueAt'])
export class IncidentDepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'fk_incident_departments_incident' })
  incident?: IncidentEntity;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_incident_departments_department' })
  department?: DepartmentEntity;

  @Index('ix_incident_departments_crew')
  @Column({ name: 'crew_id', type: 'uuid', nullable: true })
  crewId!: string | null;

  @ManyToOne(() => CrewEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'crew_id', foreignKeyConstraintName: 'fk_incident_departments_crew' })
  crew?: CrewEntity | null;

  @Column({ name: 'duty_lead_name', type: 'text', nullable: true })
  dutyLeadName!: string | null;

  @Column({ name: 'duty_lead_phone', type: 'text', nullable: true })
  dutyLeadPhone!: string | null;

  @Column({
    type: 'enum',
    enum: IncidentDepartmentStatus,
    enumName: 'incident_department_status',
    default: IncidentDepartmentStatus.Calling,
  })
  status!: IncidentDepartmentStatus;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'on_site_at', type: 'timestamptz', nullable: true })
  onSiteAt!: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  /** Unacknowledged by then → SMS to the duty lead (null once escalated or acknowledged). */
  @Column({ name: 'escalation_due_at', type: 'timestamptz', nullable: true })
  escalationDueAt!: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}
