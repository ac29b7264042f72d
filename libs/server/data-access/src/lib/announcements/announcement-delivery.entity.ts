import { ChannelKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AttemptLedgerRow } from '../common/attempt-ledger-row';
import { AnnouncementPostEntity } from './announcement-post.entity';
import { LocationRobotEntity } from './location-robot.entity';

/**
 * One post to one building robot, moved by the delivery state machine (AttemptLedger) like a
 * crew's delivery: written planned with the post, claimed before the call, sent once.
 */
@Entity('announcement_deliveries')
@Index('uq_announcement_deliveries_post_robot', ['postId', 'robotId'], { unique: true })
export class AnnouncementDeliveryEntity extends AttemptLedgerRow {
  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @ManyToOne(() => AnnouncementPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'fk_announcement_deliveries_post' })
  post?: AnnouncementPostEntity;

  @Column({ name: 'robot_id', type: 'uuid' })
  robotId!: string;

  @ManyToOne(() => LocationRobotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'robot_id', foreignKeyConstraintName: 'fk_announcement_deliveries_robot' })
  robot?: LocationRobotEntity;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  @Column({ type: 'text' })
  address!: string;
}
