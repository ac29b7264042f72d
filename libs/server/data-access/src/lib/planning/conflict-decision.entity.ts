import { CONFLICT_DECISION_ACTIONS, ConflictDecisionAction, DecidedTaskState } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { UserEntity } from '../auth/user.entity';
import { DepartmentEntity } from '../org/department.entity';
import { ProjectEntity } from './project.entity';

/**
 * One decision on a clash (accepted, resolved, escalated, reopened), by its stable key. Rows
 * are only ever added: the latest gives the clash its state, all of them are its history.
 * Names are copied at the time of the decision, so the history reads the same after a user or
 * department is renamed or removed.
 */
@Entity('conflict_decisions')
@Index('ix_conflict_decisions_key', ['projectId', 'conflictKey', 'decidedAt'])
@Index('uq_conflict_decisions_reopens', ['reopensId'], { unique: true })
export class ConflictDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_conflict_decisions' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_conflict_decisions_project' })
  project?: ProjectEntity;

  /** The clash's key (stable across recomputations, see the engine's Conflict.key). */
  @Column({ name: 'conflict_key', type: 'text' })
  conflictKey!: string;

  /** The clash's kind, kept for the history of a clash that no longer occurs. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({
    type: 'enum',
    enum: CONFLICT_DECISION_ACTIONS as unknown as string[],
    enumName: 'conflict_decision_action',
  })
  action!: ConflictDecisionAction;

  /** accept: the reason; escalate: the note; resolve and reopen: an optional note. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_user_id', foreignKeyConstraintName: 'fk_conflict_decisions_assignee_user' })
  assigneeUser?: UserEntity | null;

  @Column({ name: 'assignee_department_id', type: 'uuid', nullable: true })
  assigneeDepartmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'assignee_department_id',
    foreignKeyConstraintName: 'fk_conflict_decisions_assignee_department',
  })
  assigneeDepartment?: DepartmentEntity | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  /** resolve: the edit that resolved the clash. */
  @Column({ name: 'audit_entry_id', type: 'uuid', nullable: true })
  auditEntryId!: string | null;

  @ManyToOne(() => AuditEntryEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'audit_entry_id', foreignKeyConstraintName: 'fk_conflict_decisions_audit_entry' })
  auditEntry?: AuditEntryEntity | null;

  /** resolve: the change set (one user action, possibly many rows) the edit belongs to. */
  @Column({ name: 'change_set_id', type: 'uuid', nullable: true })
  changeSetId!: string | null;

  /** The clash's tasks when the decision was made. */
  @Column({ name: 'task_ids', type: 'uuid', array: true })
  taskIds!: string[];

  /** Version and fingerprint of each task when decided: a changed fingerprint reopens the clash. */
  @Column({ name: 'task_states', type: 'jsonb' })
  taskStates!: Record<string, DecidedTaskState>;

  /** reopen: the tasks whose change reopened the clash (empty when reopened by hand). */
  @Column({ name: 'changed_task_ids', type: 'uuid', array: true, default: () => "'{}'" })
  changedTaskIds!: string[];

  /** reopen: the decision reopened (unique: a decision is reopened once, however many readers notice). */
  @Column({ name: 'reopens_id', type: 'uuid', nullable: true })
  reopensId!: string | null;

  @ManyToOne(() => ConflictDecisionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reopens_id', foreignKeyConstraintName: 'fk_conflict_decisions_reopens' })
  reopens?: ConflictDecisionEntity | null;

  /** Null for the system (automatic reopening, the demo seed). */
  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'fk_conflict_decisions_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ name: 'decided_by_name', type: 'text' })
  decidedByName!: string;

  /** clock_timestamp(): taken after the per-clash lock, so later decisions sort later. */
  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  decidedAt!: Date;
}
