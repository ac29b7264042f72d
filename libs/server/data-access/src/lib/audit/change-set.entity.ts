import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One user action (a drag with the successors it pushed, a panel save, a link, a bulk edit):
 * the audit entries stamped with its id are its rows' before and after states. An undo is a
 * change set of its own that `reverts` another; the reverted one then names it `revertedById`.
 */
@Entity('change_sets')
@Index('uq_change_sets_reverts', ['revertsId'], { unique: true })
export class ChangeSetEntity {
  /** Chosen by the client (X-Change-Set header) or by the server. */
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_change_sets' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** Null for changes made by the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  /** The project of its first change that belongs to one. */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  /** The change set this one undid (an undo or a redo). */
  @Column({ name: 'reverts_id', type: 'uuid', nullable: true })
  revertsId!: string | null;

  /** The change set that undid this one. */
  @Column({ name: 'reverted_by_id', type: 'uuid', nullable: true })
  revertedById!: string | null;
}
