import { ChannelKind, DeliveryStatus } from '@worksite/shared-domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AnnouncementPostEntity } from './announcement-post.entity';
import { LocationRobotEntity } from './location-robot.entity';

/**
 * One post to one building robot, moved by the delivery state machine (AttemptLedger) like a
 * crew's delivery: written planned with the post, claimed before the call, sent once.
 */
@Entity('announcement_deliveries')
@Index('uq_announcement_deliveries_post_robot', ['postId', 'robotId'], { unique: true })
export class AnnouncementDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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

  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: DeliveryStatus.Planned })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'provider_response', type: 'jsonb', nullable: true })
  providerResponse!: unknown;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
