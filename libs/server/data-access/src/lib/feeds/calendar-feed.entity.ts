import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CrewEntity } from '../org/crew.entity';

/**
 * A calendar feed (a secret iCalendar URL) of a crew or of one user (agencies). The secret is
 * 256 random bits; only its SHA-256 is kept, so the URL is shown once, when it is made.
 * Rotating revokes the active feed and makes a new one; a revoked feed answers 404.
 * At most one active feed per owner.
 */
@Entity('calendar_feeds')
@Check('ck_calendar_feeds_one_owner', '(crew_id IS NULL) <> (user_id IS NULL)')
@Index('uq_calendar_feeds_active_crew', ['crewId'], {
  unique: true,
  where: 'revoked_at IS NULL AND crew_id IS NOT NULL',
})
@Index('uq_calendar_feeds_active_user', ['userId'], {
  unique: true,
  where: 'revoked_at IS NULL AND user_id IS NOT NULL',
})
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_calendar_feeds' })
  id!: string;

  @Index('uq_calendar_feeds_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'crew_id', type: 'uuid', nullable: true })
  crewId!: string | null;

  @ManyToOne(() => CrewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'crew_id', foreignKeyConstraintName: 'fk_calendar_feeds_crew' })
  crew?: CrewEntity | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_calendar_feeds_user' })
  user?: UserEntity | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_calendar_feeds_created_by' })
  createdBy?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
