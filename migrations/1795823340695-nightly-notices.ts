import { MigrationInterface, QueryRunner } from 'typeorm';

export class NightlyNotices1795823340695 implements MigrationInterface {
  name = 'NightlyNotices1795823340695';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"notice_run_status\" AS ENUM('pending', 'running', 'completed', 'missed')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"notice_run_trigger\" AS ENUM('schedule', 'watchdog', 'manual')");
    await queryRunner.query(
      'CREATE TABLE "notice_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "run_date" date NOT NULL, "status" "public"."notice_run_status" NOT NULL DEFAULT \'pending\', "trigger" "public"."notice_run_trigger" NOT NULL, "requested_by" uuid, "crew_ids" uuid array NOT NULL DEFAULT \'{}\', "crews_total" integer NOT NULL DEFAULT \'0\', "crews_done" integer NOT NULL DEFAULT \'0\', "crews_failed" integer NOT NULL DEFAULT \'0\', "crews_skipped" integer NOT NULL DEFAULT \'0\', "deliveries_sent" integer NOT NULL DEFAULT \'0\', "deliveries_failed" integer NOT NULL DEFAULT \'0\', "deliveries_unknown" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc3363ea01c0c99f0604c73d151" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_notice_runs_status" ON "notice_runs"  ("status", "run_date") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notice_runs_project_date" ON "notice_runs"  ("project_id", "run_date") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"notice_reason\" AS ENUM('initial', 'amendment', 'resend')");
    await queryRunner.query(
      'CREATE TABLE "notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid, "crew_id" uuid NOT NULL, "project_ids" uuid array NOT NULL DEFAULT \'{}\', "notice_date" date NOT NULL, "revision" integer NOT NULL, "reason" "public"."notice_reason" NOT NULL, "language" "public"."language" NOT NULL, "subject" text NOT NULL, "content" jsonb NOT NULL, "text" text NOT NULL, "changes" jsonb NOT NULL DEFAULT \'[]\', "task_count" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_via" text, "acknowledged_by" uuid, "reminded_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3eb18c29da25d6935fcbe584237" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_notices_run" ON "notices"  ("run_id") ');
    await queryRunner.query('CREATE INDEX "ix_notices_date" ON "notices"  ("notice_date") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notices_crew_date_revision" ON "notices"  ("crew_id", "notice_date", "revision") ',
    );
    await queryRunner.query('CREATE TYPE "public"."delivery_purpose" AS ENUM(\'notice\', \'reminder\')');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"delivery_status\" AS ENUM('planned', 'sending', 'sent', 'failed', 'unknown', 'skipped')",
    );
    await queryRunner.query(
      'CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notice_id" uuid NOT NULL, "channel_id" uuid, "purpose" "public"."delivery_purpose" NOT NULL DEFAULT \'notice\', "kind" "public"."channel_kind" NOT NULL, "address" text NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT \'planned\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_response" jsonb, "sent_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_deliveries_status_next" ON "deliveries"  ("status", "next_attempt_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_deliveries_notice_channel_purpose" ON "deliveries"  ("notice_id", "channel_id", "purpose") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_ack_tokens" ("token_hash" text NOT NULL, "notice_id" uuid NOT NULL, "crew_id" uuid NOT NULL, "delivery_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7ef67cc1ceca2aaa58b5eee8c3" PRIMARY KEY ("token_hash"))',
    );
    await queryRunner.query('CREATE INDEX "ix_notice_ack_tokens_notice" ON "notice_ack_tokens"  ("notice_id") ');
    await queryRunner.query('CREATE INDEX "ix_notice_ack_tokens_delivery" ON "notice_ack_tokens"  ("delivery_id") ');
    await queryRunner.query(
      'CREATE TABLE "notice_escalations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "crew_id" uuid NOT NULL, "notice_id" uuid NOT NULL, "notice_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf797d7acdea3b59fa0186211da" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_notice_escalations_notice" ON "notice_escalations"  ("notice_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notice_escalations_project_crew_date" ON "notice_escalations"  ("project_id", "crew_id", "notice_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "escalation_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "alert_date" date NOT NULL, "user_id" uuid, "kind" "public"."channel_kind" NOT NULL, "address" text NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT \'planned\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_response" jsonb, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e34950396d6a50f78e88f56ff02" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_escalation_alerts_project_date_address" ON "escalation_alerts"  ("project_id", "alert_date", "kind", "address") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_amendments_owed" ("crew_id" uuid NOT NULL, "notice_date" date NOT NULL, "first_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_271c4461a572cfa3e163b965669" PRIMARY KEY ("crew_id", "notice_date"))',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_runs" ADD CONSTRAINT "fk_notice_runs_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "fk_notices_run" FOREIGN KEY ("run_id") REFERENCES "notice_runs"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "fk_notices_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "deliveries" ADD CONSTRAINT "fk_deliveries_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "deliveries" ADD CONSTRAINT "fk_deliveries_channel" FOREIGN KEY ("channel_id") REFERENCES "crew_channels"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_ack_tokens" ADD CONSTRAINT "fk_notice_ack_tokens_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_ack_tokens" ADD CONSTRAINT "fk_notice_ack_tokens_delivery" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_escalations" ADD CONSTRAINT "fk_notice_escalations_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_escalations" ADD CONSTRAINT "fk_notice_escalations_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalation_alerts" ADD CONSTRAINT "fk_escalation_alerts_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The amendment outbox: any change to a crew's task on a date for which the crew already
    // has a notice, or its project a run past fan-out, records "crew X, date D owes an
    // amendment" in the same transaction — whichever code path (api, scheduling, seed, SQL)
    // changed the task.
    await queryRunner.query(`
      CREATE FUNCTION notices_owe_amendment(p_crew uuid, p_project uuid, p_from date, p_to date) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO notice_amendments_owed (crew_id, notice_date, first_changed_at, changed_at)
        SELECT p_crew, d, now(), now() FROM (
          SELECT n.notice_date AS d FROM notices n
           WHERE n.crew_id = p_crew AND n.notice_date BETWEEN p_from AND p_to
          UNION
          SELECT r.run_date FROM notice_runs r
           WHERE r.project_id = p_project AND r.run_date BETWEEN p_from AND p_to AND r.status <> 'pending'
        ) owed
        ON CONFLICT (crew_id, notice_date) DO UPDATE SET changed_at = now()
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION notices_record_task_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.crew_id IS NOT NULL THEN
          PERFORM notices_owe_amendment(OLD.crew_id, OLD.project_id, OLD.start_date, OLD.finish_date);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.crew_id IS NOT NULL THEN
          PERFORM notices_owe_amendment(NEW.crew_id, NEW.project_id, NEW.start_date, NEW.finish_date);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments
      AFTER INSERT OR DELETE OR UPDATE OF crew_id, project_id, planned_start, planned_finish, start_date, finish_date,
        status, title, content, location_id, materials, tools, safety_notes
      ON tasks FOR EACH ROW EXECUTE FUNCTION notices_record_task_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tasks_notice_amendments ON tasks');
    await queryRunner.query('DROP FUNCTION notices_record_task_change()');
    await queryRunner.query('DROP FUNCTION notices_owe_amendment(uuid, uuid, date, date)');
    await queryRunner.query('ALTER TABLE "escalation_alerts" DROP CONSTRAINT "fk_escalation_alerts_project"');
    await queryRunner.query('ALTER TABLE "notice_escalations" DROP CONSTRAINT "fk_notice_escalations_notice"');
    await queryRunner.query('ALTER TABLE "notice_escalations" DROP CONSTRAINT "fk_notice_escalations_project"');
    await queryRunner.query('ALTER TABLE "notice_ack_tokens" DROP CONSTRAINT "fk_notice_ack_tokens_delivery"');
    await queryRunner.query('ALTER TABLE "notice_ack_tokens" DROP CONSTRAINT "fk_notice_ack_tokens_notice"');
    await queryRunner.query('ALTER TABLE "deliveries" DROP CONSTRAINT "fk_deliveries_channel"');
    await queryRunner.query('ALTER TABLE "deliveries" DROP CONSTRAINT "fk_deliveries_notice"');
    await queryRunner.query('ALTER TABLE "notices" DROP CONSTRAINT "fk_notices_crew"');
    await queryRunner.query('ALTER TABLE "notices" DROP CONSTRAINT "fk_notices_run"');
    await queryRunner.query('ALTER TABLE "notice_runs" DROP CONSTRAINT "fk_notice_runs_project"');
    await queryRunner.query('DROP TABLE "notice_amendments_owed"');
    await queryRunner.query('DROP INDEX "public"."uq_escalation_alerts_project_date_address"');
    await queryRunner.query('DROP TABLE "escalation_alerts"');
    await queryRunner.query('DROP INDEX "public"."uq_notice_escalations_project_crew_date"');
    await queryRunner.query('DROP INDEX "public"."ix_notice_escalations_notice"');
    await queryRunner.query('DROP TABLE "notice_escalations"');
    await queryRunner.query('DROP INDEX "public"."ix_notice_ack_tokens_delivery"');
    await queryRunner.query('DROP INDEX "public"."ix_notice_ack_tokens_notice"');
    await queryRunner.query('DROP TABLE "notice_ack_tokens"');
    await queryRunner.query('DROP INDEX "public"."uq_deliveries_notice_channel_purpose"');
    await queryRunner.query('DROP INDEX "public"."ix_deliveries_status_next"');
    await queryRunner.query('DROP TABLE "deliveries"');
    await queryRunner.query('DROP TYPE "public"."delivery_status"');
    await queryRunner.query('DROP TYPE "public"."delivery_purpose"');
    await queryRunner.query('DROP INDEX "public"."uq_notices_crew_date_revision"');
    await queryRunner.query('DROP INDEX "public"."ix_notices_date"');
    await queryRunner.query('DROP INDEX "public"."ix_notices_run"');
    await queryRunner.query('DROP TABLE "notices"');
    await queryRunner.query('DROP TYPE "public"."notice_reason"');
    await queryRunner.query('DROP INDEX "public"."uq_notice_runs_project_date"');
    await queryRunner.query('DROP INDEX "public"."ix_notice_runs_status"');
    await queryRunner.query('DROP TABLE "notice_runs"');
    await queryRunner.query('DROP TYPE "public"."notice_run_trigger"');
    await queryRunner.query('DROP TYPE "public"."notice_run_status"');
  }
}
