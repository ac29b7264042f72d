import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CrewEntity } from '../org/crew.entity';
import { DepartmentEntity } from '../org/department.entity';

/** A department's on-call roster: its duty lead, and the crew on duty when no shift says otherwise. */
@Entity('on_call_rosters')
export class OnCallRosterEntity extends VersionedEntity {
  @Index('uq_on_call_rosters_department', { unique: true })
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @OneToOne(() => DepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_on_call_rosters_department' })
  department?: DepartmentEntity;

  /** 值班负责人: escalations go to them by SMS. */
  @Column({ name: 'duty_lead_name', type: 'text', nullable: true })
  dutyLeadName!: string | null;

  @Column({ name: 'duty_lead_phone', type: 'text', nullable: true })
  dutyLeadPhone!: string | null;

  @Column({ name: 'default_crew_id', type: 'uuid', nullable: true })
  defaultCrewId!: string | null;

  @ManyToOne(() => CrewEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'default_crew_id', foreignKeyConstraintName: 'fk_on_call_rosters_default_crew' })
  defaultCrew?: CrewEntity | null;
}
