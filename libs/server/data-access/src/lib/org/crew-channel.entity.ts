import { ChannelKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { VersionedEntity } from '../common/versioned.entity';
import { CrewEntity } from './crew.entity';

/** One way to reach a crew: an email address, an SMS number or a group-chat robot webhook. */
@Entity('crew_channels')
@Index('uq_crew_channels_crew_kind_address', ['crewId', 'kind', 'address'], {
  unique: true,
})
export class CrewChannelEntity extends VersionedEntity {
  @Index('ix_crew_channels_crew')
  @Column({ name: 'crew_id', type: 'uuid' })
  crewId!: string;

  @ManyToOne(() => CrewEntity, (crew) => crew.channels, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'crew_id',
    foreignKeyConstraintName: 'fk_crew_channels_crew',
  })
  crew?: Relation<CrewEntity>;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  /** Email address, phone number, or robot webhook URL. */
  @Column({ type: 'text' })
  address!: string;

  /** Robot signing secret (DingTalk/Feishu); never returned by the API. */
  @Column({ type: 'text', nullable: true, select: false })
  secret!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;
}
