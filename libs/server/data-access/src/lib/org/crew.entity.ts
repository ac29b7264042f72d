import { Language } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { ContractorEntity } from './contractor.entity';
import { CrewChannelEntity } from './crew-channel.entity';
import { DepartmentEntity } from './department.entity';

/** A crew (施工班组): the people who receive the nightly notice and do the work. */
@Entity('crews')
@Index('uq_crews_contractor_name', ['contractorId', 'name'], { unique: true })
export class CrewEntity extends VersionedEntity {
  @Column({ type: 'text' })
  name!: string;

  @Index('ix_crews_contractor')
  @Column({ name: 'contractor_id', type: 'uuid' })
  contractorId!: string;

  @ManyToOne(() => ContractorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'contractor_id',
    foreignKeyConstraintName: 'fk_crews_contractor',
  })
  contractor?: ContractorEntity;

  @Index('ix_crews_department')
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'department_id',
    foreignKeyConstraintName: 'fk_crews_department',
  })
  department?: DepartmentEntity;

  @Column({ name: 'leader_name', type: 'text' })
  leaderName!: string;

  @Column({ name: 'leader_phone', type: 'text', nullable: true })
  leaderPhone!: string | null;

  /** Language of the crew's notices. */
  @Column({
    type: 'enum',
    enum: Language,
    enumName: 'language',
    default: Language.ZhCN,
  })
  language!: Language;

  @OneToMany(() => CrewChannelEntity, (channel) => channel.crew, {
    cascade: true,
  })
  channels?: Relation<CrewChannelEntity[]>;
}
