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
import { CrewChannelEntity } from '../org/crew-channel.entity';
import { IncidentEntity } from './incident.entity';
import { IncidentDepartmentEntity } from './incident-department.entity';

/** What a call-out carries: the crew's call-out, the duty lead's escalation SMS, the paperwork reminder. */
export type IncidentCalloutPurpose = 'callout' | 'escalation' | 'paperwork';

/**
 * One incident message on one channel, moved by the same delivery state machine as the
 * nightly deliveries (AttemptLedger): committed `sending` before the provider is called, so
 * it is sent at most once, and unique per (incident, department, purpose, channel kind, address).
 */
@Entity('incident_callouts')
@Index('uq_incident_callouts_target', ['incidentId', 'incidentDepartmentId', 'purpose', 'kind', 'address'], {
  unique: true,
})
@Index('ix_incident_callouts_status_next', ['status', 'nextAttemptAt'])
export class IncidentCalloutEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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
