import { DependencyType } from '@worksite/shared-domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { ProjectEntity } from './project.entity';
import { TaskEntity } from './task.entity';

/** Predecessor → successor with a type (FS/SS/FF/SF) and a lag in working minutes (may be negative). */
@Entity('dependencies')
@Index('uq_dependencies_pair', ['predecessorId', 'successorId'], {
  unique: true,
})
@Check('ck_dependencies_not_self', '"predecessor_id" <> "successor_id"')
export class DependencyEntity extends VersionedEntity {
  @Index('ix_dependencies_project')
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'project_id',
    foreignKeyConstraintName: 'fk_dependencies_project',
  })
  project?: ProjectEntity;

  @Column({ name: 'predecessor_id', type: 'uuid' })
  predecessorId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'predecessor_id',
    foreignKeyConstraintName: 'fk_dependencies_predecessor',
  })
  predecessor?: TaskEntity;

  @Index('ix_dependencies_successor')
  @Column({ name: 'successor_id', type: 'uuid' })
  successorId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'successor_id',
    foreignKeyConstraintName: 'fk_dependencies_successor',
  })
  successor?: TaskEntity;

  @Column({
    type: 'enum',
    enum: DependencyType,
    enumName: 'dependency_type',
    default: DependencyType.FS,
  })
  type!: DependencyType;

  @Column({ name: 'lag_minutes', type: 'integer', default: 0 })
  lagMinutes!: number;
}
