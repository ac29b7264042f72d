import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { DepartmentEntity } from './department.entity';

/** A company doing work for a department; it runs one or more crews. */
@Entity('contractors')
export class ContractorEntity extends VersionedEntity {
  @Index('uq_contractors_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Index('ix_contractors_department')
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'department_id',
    foreignKeyConstraintName: 'fk_contractors_department',
  })
  department?: DepartmentEntity;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;
}
