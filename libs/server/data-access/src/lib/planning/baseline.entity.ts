import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ProjectEntity } from './project.entity';

/** A saved copy of a project's plan; its tasks are in baseline_tasks. */
@Entity('baselines')
@Index('uq_baselines_project_name', ['projectId', 'name'], { unique: true })
export class BaselineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_baselines' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_baselines_project' })
  project?: ProjectEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_baselines_created_by' })
  createdBy?: UserEntity | null;

  /** Copied when saved, so the list reads the same after the user is renamed or removed. */
  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'task_count', type: 'integer' })
  taskCount!: number;
}
