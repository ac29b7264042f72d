import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * notices_record_attempt: how a delivery attempt ended, in one round trip instead of a
 * five-statement transaction (the night run records 10,000 of them). In order: lock the
 * notice (every change of a notice's deliveries does, so its completion is decided once),
 * move the delivery from one of the expected states for the attempt that was claimed, and
 * complete the notice when none of its deliveries is planned or sending. Returns nothing when
 * the delivery was not in an expected state (another outcome was recorded first).
 */
export class NoticeRecordAttempt1795839581628 implements MigrationInterface {
  name = 'NoticeRecordAttempt1795839581628';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notices_record_attempt(
        p_delivery uuid, p_attempts integer, p_from text[], p_status delivery_status, p_error text,
        p_set_next boolean, p_next_attempt_at timestamptz, p_set_response boolean, p_response jsonb
      ) RETURNS TABLE (status delivery_status, next_attempt_at timestamptz, run_id uuid)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_notice uuid;
        v_run uuid;
        v_purpose delivery_purpose;
        v_status delivery_status;
        v_next timestamptz;
      BEGIN
        SELECT d.notice_id INTO v_notice FROM deliveries d WHERE d.id = p_delivery;
        IF v_notice IS NULL THEN RETURN; END IF;
        SELECT n.run_id INTO v_run FROM notices n WHERE n.id = v_notice FOR UPDATE;
        UPDATE deliveries d
           SET status = p_status,
               last_error = p_error,
               next_attempt_at = CASE WHEN p_set_next THEN p_next_attempt_at ELSE d.next_attempt_at END,
               provider_response = CASE WHEN p_set_response THEN p_response ELSE d.provider_response END,
               sent_at = CASE WHEN p_status = 'sent' THEN now() ELSE d.sent_at END,
               updated_at = now()
         WHERE d.id = p_delivery AND d.attempts = p_attempts AND d.status::text = ANY (p_from)
        RETURNING d.status, d.next_attempt_at, d.purpose INTO v_status, v_next, v_purpose;
        IF NOT FOUND THEN RETURN; END IF;
        IF v_purpose = 'notice' THEN
          UPDATE notices n SET completed_at = now()
           WHERE n.id = v_notice AND n.completed_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.notice_id = v_notice AND x.purpose = 'notice'
                                                          AND x.status IN ('planned', 'sending'));
        END IF;
        RETURN QUERY SELECT v_status, v_next, v_run;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION notices_record_attempt');
  }
}
