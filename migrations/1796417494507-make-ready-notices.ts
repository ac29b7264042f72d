import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Make-ready in the nightly notices: the ledger of the owners' reminders and the coordinators'
 * 18:00 not-ready lists, one run row per project and date for the list, and the amendment
 * outbox fed by constraint changes (and a project's not-ready policy) as it is by task changes.
 */
export class MakeReadyNotices1796417494507 implements MigrationInterface {
  name = 'MakeReadyNotices1796417494507';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TYPE "public"."make_ready_message_purpose" AS ENUM(\'constraint_reminder\', \'not_ready_list\')',
    );
    await queryRunner.query(
      'CREATE TABLE "make_ready_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" "public"."delivery_status" NOT NULL DEFAULT \'planned\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_response" jsonb, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "purpose" "public"."make_ready_message_purpose" NOT NULL, "project_id" uuid NOT NULL, "message_date" date NOT NULL, "user_id" uuid, "kind" "public"."channel_kind" NOT NULL, "address" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "constraint_ids" uuid array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_cc93640bad6b05d95bc604ad33a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_make_ready_messages_list" ON "make_ready_messages"  ("project_id", "message_date", "kind", "address") WHERE purpose = \'not_ready_list\'',
    );
    await queryRunner.query(
      'CREATE TABLE "not_ready_list_runs" ("project_id" uuid NOT NULL, "list_date" date NOT NULL, "not_ready_count" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ebc49dfcf125e8433426796c2f" PRIMARY KEY ("project_id", "list_date"))',
    );
    await queryRunner.query(
      'ALTER TABLE "make_ready_messages" ADD CONSTRAINT "fk_make_ready_messages_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "not_ready_list_runs" ADD CONSTRAINT "fk_not_ready_list_runs_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // A constraint opened, cleared, changed or deleted changes what the crew's notice says
    // (marked, or held back): the task's crew owes an amendment for the task's dates, whichever
    // code path wrote it (notices_owe_amendment of the nightly-notices migration).
    await queryRunner.query(`
      CREATE FUNCTION notices_record_constraint_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM notices_owe_amendment(t.crew_id, t.project_id, t.start_date, t.finish_date)
             FROM tasks t WHERE t.id = OLD.task_id AND t.crew_id IS NOT NULL;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM notices_owe_amendment(t.crew_id, t.project_id, t.start_date, t.finish_date)
             FROM tasks t WHERE t.id = NEW.task_id AND t.crew_id IS NOT NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER make_ready_constraints_notice_amendments
      AFTER INSERT OR DELETE OR UPDATE OF task_id, kind, description, owner_department_id, owner_user_id, due_date, status
      ON make_ready_constraints FOR EACH ROW EXECUTE FUNCTION notices_record_constraint_change()`);
    // Switching between 'mark' and 'hold' changes the notices of the crews of not-ready tasks.
    await queryRunner.query(`
      CREATE FUNCTION notices_record_policy_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM notices_owe_amendment(t.crew_id, t.project_id, t.start_date, t.finish_date)
           FROM tasks t WHERE t.project_id = NEW.id AND t.crew_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM make_ready_constraints c WHERE c.task_id = t.id AND c.status = 'open');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER projects_not_ready_policy_notice_amendments
      AFTER UPDATE OF not_ready_policy ON projects FOR EACH ROW
      WHEN (OLD.not_ready_policy IS DISTINCT FROM NEW.not_ready_policy)
      EXECUTE FUNCTION notices_record_policy_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER projects_not_ready_policy_notice_amendments ON projects');
    await queryRunner.query('DROP FUNCTION notices_record_policy_change()');
    await queryRunner.query('DROP TRIGGER make_ready_constraints_notice_amendments ON make_ready_constraints');
    await queryRunner.query('DROP FUNCTION notices_record_constraint_change()');
    await queryRunner.query('ALTER TABLE "not_ready_list_runs" DROP CONSTRAINT "fk_not_ready_list_runs_project"');
    await queryRunner.query('ALTER TABLE "make_ready_messages" DROP CONSTRAINT "fk_make_ready_messages_project"');
    await queryRunner.query('DROP TABLE "not_ready_list_runs"');
    await queryRunner.query('DROP INDEX "public"."uq_make_ready_messages_list"');
    await queryRunner.query('DROP TABLE "make_ready_messages"');
    await queryRunner.query('DROP TYPE "public"."make_ready_message_purpose"');
  }
}
