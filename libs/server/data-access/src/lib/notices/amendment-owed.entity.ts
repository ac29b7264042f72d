import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The outbox of amendments: "crew X's plan for date D changed after a notice or a run for
 * D". Written by a trigger on tasks (migration NightlyNotices) in the transaction of the
 * change itself, whichever code path changed the task; consumed after a quiet period.
 */
@Entity('notice_amendments_owed')
export class AmendmentOwedEntity {
  @PrimaryColumn({ name: 'crew_id', type: 'uuid' })
  crewId!: string;

  @PrimaryColumn({ name: 'notice_date', type: 'date' })
  noticeDate!: string;

  @Column({ name: 'first_changed_at', type: 'timestamptz' })
  firstChangedAt!: Date;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
