import { IncidentKind, PlaybookStepDto } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { DepartmentEntity } from '../org/department.entity';

/** What to do when an incident of one kind happens: who to call in, the steps and their order. */
@Entity('playbooks')
export class PlaybookEntity extends VersionedEntity {
  @Index('uq_playbooks_kind', { unique: true })
  @Column({ type: 'enum', enum: IncidentKind, enumName: 'incident_kind' })
  kind!: IncidentKind;

  @Column({ type: 'text' })
  name!: string;

  /** Departments called in at once besides the steps' own. */
  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  departmentIds!: string[];

  /** The steps (checked on write: keys unique, departments exist, links acyclic). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps!: PlaybookStepDto[];

  @Column({ name: 'paperwork_department_id', type: 'uuid' })
  paperworkDepartmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paperwork_department_id', foreignKeyConstraintName: 'fk_playbooks_paperwork_department' })
  paperworkDepartment?: DepartmentEntity;

  @Column({ name: 'safety_notes', type: 'text', default: '' })
  safetyNotes!: string;
}
