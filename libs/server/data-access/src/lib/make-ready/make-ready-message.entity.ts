import { ChannelKind } from '@worksite/shared-domain';
import { MAKE_READY_MESSAGE_PURPOSES, MakeReadyMessagePurpose } from '@worksite/shared-make-ready';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AttemptLedgerRow } from '../common/attempt-ledger-row';
import { ProjectEntity } from '../planning/project.entity';

/**
 * One message of the make-ready jobs to one address (a constraint owner's reminder, a
 * coordinator's 18:00 not-ready list), written with its text before anything is sent and moved
 * by the delivery state machine like the notices' deliveries. A not-ready list goes once per
 * project, date and address (unique); a reminder once per constraint and day (reminded_on).
 */
@Entity('make_ready_messages')
@Index('uq_make_ready_messages_list', ['projectId', 'messageDate', 'kind', 'address'], {
  unique: true,
  where: "purpose = 'not_ready_list'",
})
export class MakeReadyMessageEntity extends AttemptLedgerRow {
  @Column({ type: 'enum', enum: MAKE_READY_MESSAGE_PURPOSES, enumName: 'make_ready_message_purpose' })
  purpose!: MakeReadyMessagePurpose;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_make_ready_messages_project' })
  project?: ProjectEntity;

  /** Local date: the reminder's day, or the date of the tasks the list is about. */
  @Column({ name: 'message_date', type: 'date' })
  messageDate!: string;

  /** The user it goes to (none for a department's or project's phone). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  subject!: string;

  /** The text as sent (short for SMS). */
  @Column({ type: 'text' })
  body!: string;

  /** The constraints a reminder is about. */
  @Column({ name: 'constraint_ids', type: 'uuid', array: true, default: () => "'{}'" })
  constraintIds!: string[];
}
