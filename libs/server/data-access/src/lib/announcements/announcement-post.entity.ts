import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AnnouncementEntity } from './announcement.entity';

/** One text sent to the buildings' groups: a revision's post, or a follow-up; never changed. */
@Entity('announcement_posts')
@Index('ix_announcement_posts_announcement', ['announcementId', 'postedAt'])
export class AnnouncementPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'announcement_id', type: 'uuid' })
  announcementId!: string;

  @ManyToOne(() => AnnouncementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'announcement_id', foreignKeyConstraintName: 'fk_announcement_posts_announcement' })
  announcement?: AnnouncementEntity;

  @Column({ type: 'integer' })
  revision!: number;

  /** 'post' or 'follow-up'. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  text!: string;

  /** The cut the post told residents (posts only). */
  @Column({ name: 'cut_fingerprint', type: 'text', nullable: true })
  cutFingerprint!: string | null;

  @CreateDateColumn({ name: 'posted_at', type: 'timestamptz' })
  postedAt!: Date;

  @Column({ name: 'posted_by_name', type: 'text' })
  postedByName!: string;
}
