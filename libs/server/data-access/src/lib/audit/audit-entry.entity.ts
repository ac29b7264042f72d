import { AuditAction } from '@worksite/shared-domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Field-level change: the value before and after (absent on create/delete sides). */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

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
}
