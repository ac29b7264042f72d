import { ChannelKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AttemptLedgerRow } from '../common/attempt-ledger-row';
import { ProjectEntity } from '../planning/project.entity';

/**
 * The morning message to one coordinator listing the crews that had not acknowledged,
 * one per project, date and address; sent with the same exactly-once steps as deliveries.
 */
@Entity('escalation_alerts')
@Index('uq_escalation_alerts_project_date_address', ['projectId', 'alertDate', 'kind', 'address'], { unique: true })
export class EscalationAlertEntity extends AttemptLedgerRow {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_escalation_alerts_project' })
  project?: ProjectEntity;

  /** The notice date the unacknowledged crews were to work on. */
  @Column({ name: 'alert_date', type: 'date' })
  alertDate!: string;

  /** The coordinator (user) it goes to. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  @Column({ type: 'text' })
  address!: string;
}
