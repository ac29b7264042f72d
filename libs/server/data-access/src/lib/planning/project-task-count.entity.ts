import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A change of a project's task count (+n or −n): the project's count is the sum of its rows.
 * Written by triggers on tasks (migration ProjectTaskCounts) in the transaction of the change;
 * a project's task list reads its total here instead of counting its rows.
 */
@Entity('project_task_counts')
@Index('ix_project_task_counts_project', ['projectId'])
export class ProjectTaskCountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  tasks!: number;
}
