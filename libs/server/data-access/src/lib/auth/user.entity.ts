import { Language, Role } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CrewEntity } from '../org/crew.entity';
import { DepartmentEntity } from '../org/department.entity';
import { ProjectEntity } from '../planning/project.entity';

/**
 * A person who logs in; what they see and change follows from the role and the assignments.
 * Usernames are unique ignoring case: a unique index on lower(username), which TypeORM cannot
 * describe, so the migration owns it (synchronize: false).
 */
@Entity('users')
@Index('uq_users_username_lower', { synchronize: false })
export class UserEntity extends VersionedEntity {
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id hash; never selected unless asked for. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  /** When the password was last set (never the password itself): shows in the audit trail. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role!: Role;

  @Column({ type: 'enum', enum: Language, enumName: 'language', default: Language.ZhCN })
  language!: Language;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Agency users: their department. */
  @Index('ix_users_department')
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_users_department' })
  department?: DepartmentEntity | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** Coordinators: the projects they manage. */
  @ManyToMany(() => ProjectEntity)
  @JoinTable({
    name: 'user_projects',
    joinColumn: { name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_user_projects_user' },
    inverseJoinColumn: {
      name: 'project_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_user_projects_project',
    },
  })
  projects?: ProjectEntity[];

  /** Contractors: the crews they lead. */
  @ManyToMany(() => CrewEntity)
  @JoinTable({
    name: 'user_crews',
    joinColumn: { name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_user_crews_user' },
    inverseJoinColumn: { name: 'crew_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_user_crews_crew' },
  })
  crews?: CrewEntity[];
}
