import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SessionEntity } from './session.entity';

/**
 * A refresh token that was rotated away (its SHA-256 only). Presented again, it reveals that
 * someone replayed an old token: the session it belonged to is revoked.
 */
@Entity('retired_refresh_tokens')
@Index('ix_retired_refresh_tokens_session', ['sessionId', 'retiredAt'])
export class RetiredRefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text', primaryKeyConstraintName: 'pk_retired_refresh_tokens' })
  tokenHash!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_retired_refresh_tokens_session' })
  session?: SessionEntity;

  @Column({ name: 'retired_at', type: 'timestamptz', default: () => 'now()' })
  retiredAt!: Date;
}
