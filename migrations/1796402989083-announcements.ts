import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resident announcements (with their posts and robot deliveries), the buildings' group robots,
 * and the rule that a task's interruption moves with the task: whenever an UPDATE moves a task's
 * planned start without setting its cut's times itself (a drag, the panel, a bulk shift, an
 * import, an undo, the engine pushing it), the cut is shifted by the same amount, in the same
 * statement — one place for every write path.
 */
export class Announcements1796402989083 implements MigrationInterface {
  name = 'Announcements1796402989083';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "location_robots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "location_id" uuid NOT NULL, "kind" "public"."channel_kind" NOT NULL, "webhook" text NOT NULL, "secret" text, "label" text NOT NULL DEFAULT \'\', CONSTRAINT "PK_2be95fc395e633b7b4ed4f0221b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_location_robots_location_webhook" ON "location_robots"  ("location_id", "webhook") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"announcement_state\" AS ENUM('draft', 'approved', 'posted', 'updated')",
    );
    await queryRunner.query(
      'CREATE TABLE "announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "project_id" uuid, "task_id" uuid, "incident_id" uuid, "state" "public"."announcement_state" NOT NULL DEFAULT \'draft\', "emergency" boolean NOT NULL DEFAULT false, "kinds" "public"."interruption_kind" array NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "location_ids" uuid array NOT NULL DEFAULT \'{}\', "reason" text NOT NULL DEFAULT \'\', "workers" text array NOT NULL DEFAULT \'{}\', "contacts" text array NOT NULL DEFAULT \'{}\', "issuer" text NOT NULL DEFAULT \'\', "text" text NOT NULL, "edited" boolean NOT NULL DEFAULT false, "revision" integer NOT NULL DEFAULT \'1\', "cut_fingerprint" text NOT NULL DEFAULT \'\', "update_needed" boolean NOT NULL DEFAULT false, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by_name" text, "posted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_announcements_incident" ON "announcements"  ("incident_id") ');
    await queryRunner.query('CREATE INDEX "ix_announcements_project" ON "announcements"  ("project_id", "starts_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_announcements_task" ON "announcements"  ("task_id") WHERE task_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "announcement_posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "announcement_id" uuid NOT NULL, "revision" integer NOT NULL, "kind" text NOT NULL, "text" text NOT NULL, "cut_fingerprint" text, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "posted_by_name" text NOT NULL, CONSTRAINT "PK_30b4de362611650585427e62d51" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_announcement_posts_announcement" ON "announcement_posts"  ("announcement_id", "posted_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "announcement_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "robot_id" uuid NOT NULL, "kind" "public"."channel_kind" NOT NULL, "address" text NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT \'planned\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_response" jsonb, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_78fa24cdd67e5e793aee26299c5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_announcement_deliveries_post_robot" ON "announcement_deliveries"  ("post_id", "robot_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "location_robots" ADD CONSTRAINT "fk_location_robots_location" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "announcements" ADD CONSTRAINT "fk_announcements_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "announcements" ADD CONSTRAINT "fk_announcements_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "announcement_posts" ADD CONSTRAINT "fk_announcement_posts_announcement" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "announcement_deliveries" ADD CONSTRAINT "fk_announcement_deliveries_post" FOREIGN KEY ("post_id") REFERENCES "announcement_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "announcement_deliveries" ADD CONSTRAINT "fk_announcement_deliveries_robot" FOREIGN KEY ("robot_id") REFERENCES "location_robots"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(`CREATE FUNCTION tasks_interruption_follows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.planned_start IS DISTINCT FROM OLD.planned_start
           AND NEW.interruption_starts_at IS NOT DISTINCT FROM OLD.interruption_starts_at
           AND NEW.interruption_ends_at IS NOT DISTINCT FROM OLD.interruption_ends_at THEN
          NEW.interruption_starts_at := NEW.interruption_starts_at + (NEW.planned_start - OLD.planned_start);
          NEW.interruption_ends_at := NEW.interruption_ends_at + (NEW.planned_start - OLD.planned_start);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER tr_tasks_interruption_follows BEFORE UPDATE OF planned_start ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_interruption_follows()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tr_tasks_interruption_follows ON tasks');
    await queryRunner.query('DROP FUNCTION tasks_interruption_follows()');
    await queryRunner.query('ALTER TABLE "announcement_deliveries" DROP CONSTRAINT "fk_announcement_deliveries_robot"');
    await queryRunner.query('ALTER TABLE "announcement_deliveries" DROP CONSTRAINT "fk_announcement_deliveries_post"');
    await queryRunner.query('ALTER TABLE "announcement_posts" DROP CONSTRAINT "fk_announcement_posts_announcement"');
    await queryRunner.query('ALTER TABLE "announcements" DROP CONSTRAINT "fk_announcements_task"');
    await queryRunner.query('ALTER TABLE "announcements" DROP CONSTRAINT "fk_announcements_project"');
    await queryRunner.query('ALTER TABLE "location_robots" DROP CONSTRAINT "fk_location_robots_location"');
    await queryRunner.query('DROP INDEX "public"."uq_announcement_deliveries_post_robot"');
    await queryRunner.query('DROP TABLE "announcement_deliveries"');
    await queryRunner.query('DROP INDEX "public"."ix_announcement_posts_announcement"');
    await queryRunner.query('DROP TABLE "announcement_posts"');
    await queryRunner.query('DROP INDEX "public"."uq_announcements_task"');
    await queryRunner.query('DROP INDEX "public"."ix_announcements_project"');
    await queryRunner.query('DROP INDEX "public"."ix_announcements_incident"');
    await queryRunner.query('DROP TABLE "announcements"');
    await queryRunner.query('DROP TYPE "public"."announcement_state"');
    await queryRunner.query('DROP INDEX "public"."uq_location_robots_location_webhook"');
    await queryRunner.query('DROP TABLE "location_robots"');
  }
}
