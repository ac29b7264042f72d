import { DepartmentKind } from '@worksite/shared-domain';
import { Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';

/** A department or agency (power company, telecom operator, city construction, police...). */
@Entity('departments')
export class DepartmentEntity extends VersionedEntity {
  @Column({ type: 'enum', enum: DepartmentKind, enumName: 'department_kind' })
  kind!: DepartmentKind;

  @Index('uq_departments_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  /** Colour of the department's bars on the Gantt, e.g. #d9480f. */
  @Column({ type: 'text', default: '#868e96' })
  color!: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;
}
