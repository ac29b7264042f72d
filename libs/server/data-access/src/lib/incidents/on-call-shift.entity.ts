import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CrewEntity } from '../org/crew.entity';
import { OnCallRosterEntity } from './on-call-roster.entity';

/** One duty period of a crew in a department's roster, [startsAt, endsAt). */
@Entity('on_call_shifts')
@Index('ix_on_call_shifts_roster_time', ['rosterId', 'startsAt'])
export class OnCallShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'roster_id', type: 'uuid' })
  rosterId!: string;

  @ManyToOne(() => OnCallRosterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roster_id', foreignKeyConstraintName: 'fk_on_call_shifts_roster' })
  roster?: OnCallRosterEntity;

  @Column({ name: 'crew_id', type: 'uuid' })
  crewId!: string;

  @ManyToOne(() => CrewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'crew_id', foreignKeyConstraintName: 'fk_on_call_shifts_crew' })
  crew?: CrewEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;
}
