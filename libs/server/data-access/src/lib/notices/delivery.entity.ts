import { ChannelKind, DeliveryPurpose, DeliveryStatus } from '@worksite/shared-domain';
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
import { CrewChannelEntity } from '../org/crew-channel.entity';
import { NoticeEntity } from './notice.entity';

/**
 * One notice (or its reminder) on one channel. Committed as `sending` with attempts + 1
 * before the provider is called, so a crash in between leaves evidence (→ `unknown`), never
 * a silent second send. (notice, channel, purpose) is unique.
 */
@Entity('deliveries')
@Index('uq_deliveries_notice_channel_purpose', ['noticeId', 'channelId', 'purpose'], { unique: true })
@Index('ix_deliveries_status_next', ['status', 'nextAttemptAt'])
@Index('ix_deliveries_created', ['createdAt'])
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @ManyToOne(() => NoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_deliveries_notice' })
  notice?: NoticeEntity;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId!: string | null;

  @ManyToOne(() => CrewChannelEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_deliveries_channel' })
  channel?: CrewChannelEntity | null;

  @Column({
    type: 'enum',
    enum: DeliveryPurpose,
    enumName: 'delivery_purpose',
    default: DeliveryPurpose.Notice,
  })
  purpose!: DeliveryPurpose;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  /** The address when the delivery was planned (email, phone, webhook URL). */
  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: DeliveryStatus.Planned })
  status!: DeliveryStatus;

  /** Calls made to the provider (a throttled wait is no attempt). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** A planned delivery is not attempted before this (retry backoff). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** When the current attempt began (status sending). */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'provider_response', type: 'jsonb', nullable: true })
  providerResponse!: unknown;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
