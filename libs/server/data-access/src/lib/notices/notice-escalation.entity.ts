import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from '../planning/project.entity';
import { NoticeEntity } from './notice.entity';

/** A crew that had not acknowledged its notice by the morning, flagged to the project's coordinators. */
@Entity('notice_escalations')
@Index('uq_notice_escalations_project_crew_date', ['projectId', 'crewId', 'noticeDate'], { unique: true })
export class NoticeEscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_notice_escalations_project' })
  project?: ProjectEntity;

  @Column({ name: 'crew_id', type: 'uuid' })
  crewId!: string;

  /** The latest revision when it was flagged. */
  @Index('ix_notice_escalations_notice')
  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @ManyToOne(() => NoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_notice_escalations_notice' })
  notice?: NoticeEntity;

  @Column({ name: 'notice_date', type: 'date' })
  noticeDate!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
