import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pushed task's row can be updated in place (a HOT update: no new index entries) when no
 * indexed column changes and its page has room. A push changes `planned_start`, `planned_finish`,
 * `version` and `updated_at` of every task it moves, and `start_date` / `finish_date` only of
 * those it moves onto another day; `planned_start` was indexed only for the task list's order
 * (project, planned start, id), so every moved row took eight new index entries. A project's
 * tasks are listed by (start date, planned start, id) instead, the same order since a task's
 * start date is its planned start's local day, read by the (project, start date, finish date)
 * index with a small sort within a day; and the table leaves a tenth of each page free for
 * updated rows (pages written before keep theirs full until rewritten).
 *
 * Measured (tools/bench/patch-probe.ts, 10,000 tasks, 60 PATCHes each pushing ~445 tasks by an
 * hour): 60 % of the row updates HOT instead of none; PostgreSQL CPU per PATCH 24.5–30.8 ms
 * against 29.8–35.7 ms, alternating runs.
 */
export class TaskHotMoves1796520000000 implements MigrationInterface {
  name = 'TaskHotMoves1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_tasks_project_start"');
    await queryRunner.query('ALTER TABLE "tasks" SET (fillfactor = 90)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tasks" RESET (fillfactor)');
    await queryRunner.query('CREATE INDEX "ix_tasks_project_start" ON "tasks" ("project_id", "planned_start", "id") ');
  }
}
