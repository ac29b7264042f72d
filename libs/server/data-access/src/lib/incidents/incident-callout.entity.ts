import { ChannelKind } from '@worksite/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AttemptLedgerRow } from '../common/attempt-ledger-row';
import { CrewChannelEntity } from '../org/crew-channel.entity';
import { IncidentEntity } from './incident.entity';
import { IncidentDepartmentEntity } from './incident-department.entity';

/** What a call-out carries: the crew's call-out, the duty lead's escalation SMS, the paperwork reminder. */
export type IncidentCalloutPurpose = 'callout' | 'escalation' | 'paperwork';

/**
 * One incident message on one channel, moved by the same delivery state machine as the
 * nightly deliveries (AttemptLedger): committed `sending` before the provider is called, so
 * it is sent at most once, and unique per (incident, department, purpose, channel kind, address).
 * The ledger's columns (status, attempts, claim, …) are AttemptLedgerRow's.
 */
@Entity('incident_callouts')
@Index('uq_incident_callouts_target', ['incidentId', 'incidentDepartmentId', 'purpose', 'kind', 'address'], {
  unique: true,
})
@Index('ix_incident_callouts_status_next', ['status', 'nextAttemptAt'])
export class IncidentCalloutEntity extends AttemptLedgerRow {
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'fk_incident_callouts_incident' })
  incident?: IncidentEntity;

  /** The department row (call-outs and escalations; null for the coordinator's paperwork reminder). */
  @Column({ name: 'incident_department_id', type: 'uuid', nullable: true })
  incidentDepartmentId!: string | null;

  @ManyToOne(() => IncidentDepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_department_id', foreignKeyConstraintName: 'fk_incident_callouts_department' })
  incidentDepartment?: IncidentDepartmentEntity | null;

  @Column({ type: 'text' })
  purpose!: IncidentCalloutPurpose;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId!: string | null;

  @ManyToOne(() => CrewChannelEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_incident_callouts_channel' })
  channel?: CrewChannelEntity | null;

  @Column({ type: 'enum', enum: ChannelKind, enumName: 'channel_kind' })
  kind!: ChannelKind;

  @Column({ type: 'text' })
  address!: string;

  /** Language of the message. */
  @Column({ type: 'text', default: 'zh-CN' })
  language!: string;
}
