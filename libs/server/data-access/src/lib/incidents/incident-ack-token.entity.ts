import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IncidentCalloutEntity } from './incident-callout.entity';
import { IncidentDepartmentEntity } from './incident-department.entity';

/** An acknowledgement link of a call-out: only the SHA-256 of its 256 random bits is kept. */
@Entity('incident_ack_tokens')
export class IncidentAckTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Index('ix_incident_ack_tokens_department')
  @Column({ name: 'incident_department_id', type: 'uuid' })
  incidentDepartmentId!: string;

  @ManyToOne(() => IncidentDepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_department_id', foreignKeyConstraintName: 'fk_incident_ack_tokens_department' })
  incidentDepartment?: IncidentDepartmentEntity;

  @Index('ix_incident_ack_tokens_callout')
  @Column({ name: 'callout_id', type: 'uuid' })
  calloutId!: string;

  @ManyToOne(() => IncidentCalloutEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'callout_id', foreignKeyConstraintName: 'fk_incident_ack_tokens_callout' })
  callout?: IncidentCalloutEntity;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
