import { LocationKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';

/**
 * A place where work happens: compound (小区) → building (楼) → unit (单元), or a street
 * segment. Tasks point at the most precise location known.
 */
@Entity('locations')
@Index('uq_locations_parent_name', ['parentId', 'name'], { unique: true })
export class LocationEntity extends VersionedEntity {
  @Column({ type: 'enum', enum: LocationKind, enumName: 'location_kind' })
  kind!: LocationKind;

  @Column({ type: 'text' })
  name!: string;

  @Index('ix_locations_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'parent_id',
    foreignKeyConstraintName: 'fk_locations_parent',
  })
  parent?: LocationEntity | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** Households living there (compounds, buildings, units): who is affected by a cut. */
  @Column({ type: 'integer', nullable: true })
  households!: number | null;
}
