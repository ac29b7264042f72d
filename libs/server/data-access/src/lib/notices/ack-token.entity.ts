import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DeliveryEntity } from './delivery.entity';
import { NoticeEntity } from './notice.entity';

/**
 * An acknowledgement link: 256 random bits, of which only the SHA-256 is kept, bound to a
 * notice, its crew, the delivery that carried it and an expiry. It acknowledges; it never
 * grants a session. A new token is made for every attempt, so no raw token is ever stored.
 */
@Entity('notice_ack_tokens')
export class AckTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Index('ix_notice_ack_tokens_notice')
  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @ManyToOne(() => NoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_notice_ack_tokens_notice' })
  notice?: NoticeEntity;

  @Column({ name: 'crew_id', type: 'uuid' })
  crewId!: string;

  @Index('ix_notice_ack_tokens_delivery')
  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId!: string | null;

  @ManyToOne(() => DeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_notice_ack_tokens_delivery' })
  delivery?: DeliveryEntity | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
