import { DepartmentKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { DepartmentEntity } from '../org/department.entity';
import { MaterialData } from './task.entity';

/**
 * A standard work step (标准工序): what a task of this kind usually is — its title, work content,
 * usual duration in working minutes, materials, tools and safety notes — so that a coordinator
 * creates a task from it instead of typing all of it again.
 */
@Entity('work_steps')
export class WorkStepEntity extends VersionedEntity {
  @Index('uq_work_steps_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  /** The kind of department that does this work (power, telecom, water…), if any. */
  @Column({ name: 'department_kind', type: 'enum', enum: DepartmentKind, enumName: 'department_kind', nullable: true })
  departmentKind!: DepartmentKind | null;

  /** The department that usually does it, when one is known. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_work_steps_department' })
  department?: DepartmentEntity | null;

  /** Usual duration in working minutes of a project calendar. */
  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  /** Work content (施工内容). */
  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials!: MaterialData[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tools!: string[];

  @Column({ name: 'safety_notes', type: 'text', default: '' })
  safetyNotes!: string;
}
