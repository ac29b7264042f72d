import { CONSTRAINT_KINDS, CONSTRAINT_STATUSES, ConstraintKind, ConstraintStatus } from '@worksite/shared-make-ready';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { DepartmentEntity } from '../org/department.entity';
import { ProjectEntity } from '../planning/project.entity';
import { TaskEntity } from '../planning/task.entity';
import { UserEntity } from '../auth/user.entity';

/**
 * What must be true before a task can be worked (Last Planner's constraint): a permit, an
 * approved outage, materials, an escort, residents told. Owned by a department or a user;
 * open until cleared (who and when recorded). Kinds and the readiness rule live in
 * @worksite/shared-make-ready.
 */
@Entity('make_ready_constraints')
@Index('ix_make_ready_constraints_task', ['taskId'])
@Index('ix_make_ready_constraints_project_open', ['projectId', 'dueDate'], { where: "status = 'open'" })
export class MakeReadyConstraintEntity extends VersionedEntity {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_make_ready_constraints_project' })
  project?: ProjectEntity;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_make_ready_constraints_task' })
  task?: TaskEntity;

  @Column({ type: 'enum', enum: CONSTRAINT_KINDS, enumName: 'make_ready_kind' })
  kind!: ConstraintKind;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'owner_department_id', type: 'uuid', nullable: true })
  ownerDepartmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_department_id', foreignKeyConstraintName: 'fk_make_ready_constraints_department' })
  ownerDepartment?: DepartmentEntity | null;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'fk_make_ready_constraints_user' })
  ownerUser?: UserEntity | null;

  /** Local date by which it must be cleared. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'enum', enum: CONSTRAINT_STATUSES, enumName: 'make_ready_status', default: 'open' })
  status!: ConstraintStatus;

  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;

  @Column({ name: 'cleared_by_user_id', type: 'uuid', nullable: true })
  clearedByUserId!: string | null;

  @Column({ name: 'cleared_by_name', type: 'text', nullable: true })
  clearedByName!: string | null;

  /** For 'residents_told': the announcement that tells them (no foreign key: announcements may go). */
  @Column({ name: 'announcement_id', type: 'uuid', nullable: true })
  announcementId!: string | null;

  /** Local dates on which the owner was reminded (so each reminder goes once). */
  @Column({ name: 'reminded_on', type: 'date', array: true, default: () => "'{}'" })
  remindedOn!: string[];
}
