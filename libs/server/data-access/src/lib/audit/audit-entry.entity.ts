import { AuditAction } from '@worksite/shared-domain';
import { AfterLoad, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Field-level change: the value before and after (absent on create/delete sides). */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

/**
 * A pushed task's dates before and after the move, as the schedule writer stores them in typed
 * columns (building a JSON object per row cost a push of ~950 tasks a fifth of its write).
 */
export interface MoveColumns {
  moveStartBefore?: Date | null;
  moveStartAfter?: Date | null;
  moveFinishBefore?: Date | null;
  moveFinishAfter?: Date | null;
  moveStartDateBefore?: string | null;
  moveStartDateAfter?: string | null;
  moveFinishDateBefore?: string | null;
  moveFinishDateAfter?: string | null;
}

/**
 * A move's fields as the audit's `changes` records them (instants as JavaScript's ISO texts,
 * local dates as texts), only those whose value changed; {} for an entry that is not a move.
 */
export function moveChanges(move: MoveColumns): AuditChanges {
  const changes: AuditChanges = {};
  const put = (field: string, before: string | null | undefined, after: string | null | undefined) => {
    if (after != null && before !== after) changes[field] = { before: before ?? null, after };
  };
  const iso = (value: Date | null | undefined) => value?.toISOString();
  // In the order PostgreSQL keeps a jsonb object's keys, as the entries written as JSON have them.
  put('startDate', move.moveStartDateBefore, move.moveStartDateAfter);
  put('finishDate', move.moveFinishDateBefore, move.moveFinishDateAfter);
  put('plannedStart', iso(move.moveStartBefore), iso(move.moveStartAfter));
  put('plannedFinish', iso(move.moveFinishBefore), iso(move.moveFinishAfter));
  return changes;
}

/** Who changed what, when: written in the same transaction as the change itself. */
@Entity('audit_entries')
@Index('ix_audit_project_at', ['projectId', 'at'])
@Index('ix_audit_entity', ['entity', 'entityId', 'at'])
@Index('ix_audit_change_set', ['changeSetId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** Null for changes made by the system (seed, night jobs). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action!: AuditAction;

  /** Entity name, e.g. "task". */
  @Column({ type: 'text' })
  entity!: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  /** The project the changed row belongs to, when it belongs to one (for coordinators' reading). */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'jsonb' })
  changes!: AuditChanges;

  /** The change set (one user action, possibly several requests) the change belongs to. */
  @Column({ name: 'change_set_id', type: 'uuid', nullable: true })
  changeSetId!: string | null;

  /** The row's version after the change (for a delete: the version it was deleted at). */
  @Column({ name: 'row_version', type: 'integer', nullable: true })
  rowVersion!: number | null;

  // A pushed task's move (see MoveColumns), folded into `changes` when the entry is loaded.
  @Column({ name: 'move_start_before', type: 'timestamptz', nullable: true })
  moveStartBefore?: Date | null;

  @Column({ name: 'move_start_after', type: 'timestamptz', nullable: true })
  moveStartAfter?: Date | null;

  @Column({ name: 'move_finish_before', type: 'timestamptz', nullable: true })
  moveFinishBefore?: Date | null;

  @Column({ name: 'move_finish_after', type: 'timestamptz', nullable: true })
  moveFinishAfter?: Date | null;

  @Column({ name: 'move_start_date_before', type: 'date', nullable: true })
  moveStartDateBefore?: string | null;

  @Column({ name: 'move_start_date_after', type: 'date', nullable: true })
  moveStartDateAfter?: string | null;

  @Column({ name: 'move_finish_date_before', type: 'date', nullable: true })
  moveFinishDateBefore?: string | null;

  @Column({ name: 'move_finish_date_after', type: 'date', nullable: true })
  moveFinishDateAfter?: string | null;

  /**
   * Every reader (undo, conflict decisions, the audit list) sees a move as the fields it changed
   * in `changes`, as for any other update, and not the columns it is stored in.
   */
  @AfterLoad()
  protected foldMove(): void {
    const moved = moveChanges(this);
    if (Object.keys(moved).length) this.changes = { ...this.changes, ...moved };
    for (const key of MOVE_KEYS) delete this[key];
  }
}

/** Every key of MoveColumns (the record makes the compiler name any one left out). */
const MOVE_KEYS = Object.keys({
  moveStartBefore: true,
  moveStartAfter: true,
  moveFinishBefore: true,
  moveFinishAfter: true,
  moveStartDateBefore: true,
  moveStartDateAfter: true,
  moveFinishDateBefore: true,
  moveFinishDateAfter: true,
} satisfies Record<keyof MoveColumns, true>) as (keyof MoveColumns)[];
