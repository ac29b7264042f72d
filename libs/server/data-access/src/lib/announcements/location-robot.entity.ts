import { ChannelKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { LocationEntity } from '../sites/location.entity';

/**
 * The group-chat robot of a building's residents' group (WeCom, DingTalk or Feishu webhook):
 * where its announcements are posted. The webhook and secret are never shown back in full.
 */
@Entity('location_robots')
@Index('uq_location_robots_location_webhook', ['locationId', 'webhook'], { unique: true })
export class LocationRobotEntity extends VersionedEntity {
  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_location_robots_location' })
  location?: LocationEntity;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  @Column({ type: 'text' })
  webhook!: string;

  /** DingTalk / Feishu signing secret. */
  @Column({ type: 'text', nullable: true })
  secret!: string | null;

  /** The group's name as residents know it (e.g. 1号楼居民群). */
  @Column({ type: 'text', default: '' })
  label!: string;
}
