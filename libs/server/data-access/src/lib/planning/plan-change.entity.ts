import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A statement that changed a project's tasks or links, and the transaction that ran it: written
 * by triggers on tasks and dependencies (migration PlanChanges) in the transaction of the change.
 * An api that keeps a project's network in memory, read in a snapshot, knows it is still exact
 * when no row of the project names a transaction that snapshot did not see (KeptNetworks).
 * Rows older than a day are removed.
 */
@Entity('plan_changes')
@Index('ix_plan_changes_project_xid', ['projectId', 'xid'])
export class PlanChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** The transaction (pg_current_xact_id(), as a number). */
  @Column({ type: 'bigint' })
  xid!: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;
}
