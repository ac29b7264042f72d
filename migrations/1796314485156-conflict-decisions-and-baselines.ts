import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions on clashes (accepted, resolved, escalated, reopened: one row each, never changed)
 * and baselines (saved copies of a project's planned dates, one row per task).
 */
export class ConflictDecisionsAndBaselines1796314485156 implements MigrationInterface {
  name = 'ConflictDecisionsAndBaselines1796314485156';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"conflict_decision_action\" AS ENUM('accept', 'resolve', 'escalate', 'reopen')",
    );
    await queryRunner.query(
      'CREATE TABLE "conflict_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "conflict_key" text NOT NULL, "kind" text NOT NULL, "action" "public"."conflict_decision_action" NOT NULL, "reason" text, "assignee_user_id" uuid, "assignee_department_id" uuid, "assignee_name" text, "audit_entry_id" uuid, "change_set_id" uuid, "task_ids" uuid array NOT NULL, "task_states" jsonb NOT NULL, "changed_task_ids" uuid array NOT NULL DEFAULT \'{}\', "reopens_id" uuid, "decided_by_id" uuid, "decided_by_name" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "pk_conflict_decisions" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_conflict_decisions_reopens" ON "conflict_decisions"  ("reopens_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_conflict_decisions_key" ON "conflict_decisions"  ("project_id", "conflict_key", "decided_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "baselines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "name" text NOT NULL, "created_by_id" uuid, "created_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "task_count" integer NOT NULL, CONSTRAINT "pk_baselines" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_baselines_project_name" ON "baselines"  ("project_id", "name") ');
    await queryRunner.query(
      'CREATE TABLE "baseline_tasks" ("baseline_id" uuid NOT NULL, "task_id" uuid NOT NULL, "title" text NOT NULL, "planned_start" TIMESTAMP WITH TIME ZONE NOT NULL, "planned_finish" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, CONSTRAINT "pk_baseline_tasks" PRIMARY KEY ("baseline_id", "task_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" ADD CONSTRAINT "fk_conflict_decisions_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" ADD CONSTRAINT "fk_conflict_decisions_assignee_user" FOREIGN KEY ("assignee_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" ADD CONSTRAINT "fk_conflict_decisions_assignee_department" FOREIGN KEY ("assignee_department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" ADD CONSTRAINT "fk_conflict_decisions_audit_entry" FOREIGN KEY ("audit_entry_id") REFERENCES "audit_entries"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" ADD CONSTRAINT "fk_conflict_decisions_reopens" FOREIGN KEY ("reopens_id") REFERENCES "conflict_decisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" ADD CONSTRAINT "fk_conflict_decisions_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "baselines" ADD CONSTRAINT "fk_baselines_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "baselines" ADD CONSTRAINT "fk_baselines_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "baseline_tasks" ADD CONSTRAINT "fk_baseline_tasks_baseline" FOREIGN KEY ("baseline_id") REFERENCES "baselines"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "baseline_tasks" DROP CONSTRAINT "fk_baseline_tasks_baseline"');
    await queryRunner.query('ALTER TABLE "baselines" DROP CONSTRAINT "fk_baselines_created_by"');
    await queryRunner.query('ALTER TABLE "baselines" DROP CONSTRAINT "fk_baselines_project"');
    await queryRunner.query('ALTER TABLE "conflict_decisions" DROP CONSTRAINT "fk_conflict_decisions_decided_by"');
    await queryRunner.query('ALTER TABLE "conflict_decisions" DROP CONSTRAINT "fk_conflict_decisions_reopens"');
    await queryRunner.query('ALTER TABLE "conflict_decisions" DROP CONSTRAINT "fk_conflict_decisions_audit_entry"');
    await queryRunner.query(
      'ALTER TABLE "conflict_decisions" DROP CONSTRAINT "fk_conflict_decisions_assignee_department"',
    );
    await queryRunner.query('ALTER TABLE "conflict_decisions" DROP CONSTRAINT "fk_conflict_decisions_assignee_user"');
    await queryRunner.query('ALTER TABLE "conflict_decisions" DROP CONSTRAINT "fk_conflict_decisions_project"');
    await queryRunner.query('DROP TABLE "baseline_tasks"');
    await queryRunner.query('DROP INDEX "public"."uq_baselines_project_name"');
    await queryRunner.query('DROP TABLE "baselines"');
    await queryRunner.query('DROP INDEX "public"."ix_conflict_decisions_key"');
    await queryRunner.query('DROP INDEX "public"."uq_conflict_decisions_reopens"');
    await queryRunner.query('DROP TABLE "conflict_decisions"');
    await queryRunner.query('DROP TYPE "public"."conflict_decision_action"');
  }
}
