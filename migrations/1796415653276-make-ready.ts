import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Make-ready (Last Planner): constraints on tasks with owners and due dates, the project's
 * policy for not-ready tasks in the nightly notice, weekly work plans with the crews'
 * commitments and their outcomes, and the crew leads' taps (one per client key).
 */
export class MakeReady1796415653276 implements MigrationInterface {
  name = 'MakeReady1796415653276';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"make_ready_kind\" AS ENUM('dig_permit', 'outage_approval', 'materials', 'escort', 'residents_told', 'predecessor_done', 'other')",
    );
    await queryRunner.query('CREATE TYPE "public"."make_ready_status" AS ENUM(\'open\', \'cleared\')');
    await queryRunner.query(
      'CREATE TABLE "make_ready_constraints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "project_id" uuid NOT NULL, "task_id" uuid NOT NULL, "kind" "public"."make_ready_kind" NOT NULL, "description" text NOT NULL DEFAULT \'\', "owner_department_id" uuid, "owner_user_id" uuid, "due_date" date, "status" "public"."make_ready_status" NOT NULL DEFAULT \'open\', "cleared_at" TIMESTAMP WITH TIME ZONE, "cleared_by_user_id" uuid, "cleared_by_name" text, "announcement_id" uuid, "reminded_on" date array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_32dbfa2188abdec3ed73e171987" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_make_ready_constraints_project_open" ON "make_ready_constraints"  ("project_id", "due_date") WHERE status = \'open\'',
    );
    await queryRunner.query('CREATE INDEX "ix_make_ready_constraints_task" ON "make_ready_constraints"  ("task_id") ');
    await queryRunner.query(
      'CREATE TABLE "weekly_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "project_id" uuid NOT NULL, "week_start" date NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6c64b331bf3b98025f865282292" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_weekly_plans_project_week" ON "weekly_plans"  ("project_id", "week_start") ',
    );
    await queryRunner.query('CREATE TYPE "public"."commitment_outcome" AS ENUM(\'done\', \'not_done\')');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"variance_reason\" AS ENUM('materials_missing', 'predecessor_unfinished', 'weather', 'residents_blocked', 'outage_unapproved', 'short_staffed', 'other')",
    );
    await queryRunner.query(
      'CREATE TABLE "weekly_commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "task_id" uuid NOT NULL, "crew_id" uuid, "department_id" uuid NOT NULL, "made_ready" boolean NOT NULL DEFAULT true, "outcome" "public"."commitment_outcome", "reason" "public"."variance_reason", "note" text NOT NULL DEFAULT \'\', "committed_by_name" text NOT NULL DEFAULT \'\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8a183e1f05074b6e848cce5cda4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_weekly_commitments_task" ON "weekly_commitments"  ("task_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_weekly_commitments_plan_task" ON "weekly_commitments"  ("plan_id", "task_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"task_report_kind\" AS ENUM('started', 'progress', 'done', 'not_done')",
    );
    await queryRunner.query(
      'CREATE TABLE "task_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "crew_id" uuid, "user_id" uuid NOT NULL, "client_key" text NOT NULL, "kind" "public"."task_report_kind" NOT NULL, "progress" smallint, "reason" "public"."variance_reason", "note" text NOT NULL DEFAULT \'\', "tapped_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e77e2d7597e6b6bff2523010cb2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_task_reports_task" ON "task_reports"  ("task_id", "tapped_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_task_reports_user_key" ON "task_reports"  ("user_id", "client_key") ',
    );
    await queryRunner.query('CREATE TYPE "public"."not_ready_policy" AS ENUM(\'mark\', \'hold\')');
    await queryRunner.query(
      'ALTER TABLE "projects" ADD "not_ready_policy" "public"."not_ready_policy" NOT NULL DEFAULT \'mark\'',
    );
    await queryRunner.query(
      'ALTER TABLE "make_ready_constraints" ADD CONSTRAINT "fk_make_ready_constraints_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "make_ready_constraints" ADD CONSTRAINT "fk_make_ready_constraints_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "make_ready_constraints" ADD CONSTRAINT "fk_make_ready_constraints_department" FOREIGN KEY ("owner_department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "make_ready_constraints" ADD CONSTRAINT "fk_make_ready_constraints_user" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "weekly_plans" ADD CONSTRAINT "fk_weekly_plans_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "weekly_commitments" ADD CONSTRAINT "fk_weekly_commitments_plan" FOREIGN KEY ("plan_id") REFERENCES "weekly_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "weekly_commitments" ADD CONSTRAINT "fk_weekly_commitments_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_reports" ADD CONSTRAINT "fk_task_reports_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task_reports" DROP CONSTRAINT "fk_task_reports_task"');
    await queryRunner.query('ALTER TABLE "weekly_commitments" DROP CONSTRAINT "fk_weekly_commitments_task"');
    await queryRunner.query('ALTER TABLE "weekly_commitments" DROP CONSTRAINT "fk_weekly_commitments_plan"');
    await queryRunner.query('ALTER TABLE "weekly_plans" DROP CONSTRAINT "fk_weekly_plans_project"');
    await queryRunner.query('ALTER TABLE "make_ready_constraints" DROP CONSTRAINT "fk_make_ready_constraints_user"');
    await queryRunner.query(
      'ALTER TABLE "make_ready_constraints" DROP CONSTRAINT "fk_make_ready_constraints_department"',
    );
    await queryRunner.query('ALTER TABLE "make_ready_constraints" DROP CONSTRAINT "fk_make_ready_constraints_task"');
    await queryRunner.query('ALTER TABLE "make_ready_constraints" DROP CONSTRAINT "fk_make_ready_constraints_project"');
    await queryRunner.query('ALTER TABLE "projects" DROP COLUMN "not_ready_policy"');
    await queryRunner.query('DROP TYPE "public"."not_ready_policy"');
    await queryRunner.query('DROP INDEX "public"."uq_task_reports_user_key"');
    await queryRunner.query('DROP INDEX "public"."ix_task_reports_task"');
    await queryRunner.query('DROP TABLE "task_reports"');
    await queryRunner.query('DROP TYPE "public"."task_report_kind"');
    await queryRunner.query('DROP INDEX "public"."uq_weekly_commitments_plan_task"');
    await queryRunner.query('DROP INDEX "public"."ix_weekly_commitments_task"');
    await queryRunner.query('DROP TABLE "weekly_commitments"');
    await queryRunner.query('DROP TYPE "public"."variance_reason"');
    await queryRunner.query('DROP TYPE "public"."commitment_outcome"');
    await queryRunner.query('DROP INDEX "public"."uq_weekly_plans_project_week"');
    await queryRunner.query('DROP TABLE "weekly_plans"');
    await queryRunner.query('DROP INDEX "public"."ix_make_ready_constraints_task"');
    await queryRunner.query('DROP INDEX "public"."ix_make_ready_constraints_project_open"');
    await queryRunner.query('DROP TABLE "make_ready_constraints"');
    await queryRunner.query('DROP TYPE "public"."make_ready_status"');
    await queryRunner.query('DROP TYPE "public"."make_ready_kind"');
  }
}
