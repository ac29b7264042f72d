import { MigrationInterface, QueryRunner } from 'typeorm';
import { NoticeRecordAttempt1795839581628 } from './1795839581628-notice-record-attempt';

/**
 * Drops notices_record_attempt: the delivery state machine now lives once, in
 * @worksite/notices-domain (delivery-machine.ts), and every transition of deliveries and
 * escalation alerts is one statement generated from it (libs/notices/data-access ledger-sql.ts).
 */
export class GenericDeliveryLedger1796308782291 implements MigrationInterface {
  name = 'GenericDeliveryLedger1796308782291';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION IF EXISTS notices_record_attempt');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The function as migration 1795839581628 created it.
    await new NoticeRecordAttempt1795839581628().up(queryRunner);
  }
}
