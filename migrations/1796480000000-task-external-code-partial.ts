import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The uniqueness of an imported task's code (编号) per project only over the tasks that have
 * one: every write of a task's dates (a push moves hundreds at once) inserted an entry into
 * this index too, for the tasks created in Worksite whose code is NULL and never collides.
 */
export class TaskExternalCodePartial1796480000000 implements MigrationInterface {
  name = 'TaskExternalCodePartial1796480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_tasks_project_external_code"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_tasks_project_external_code" ON "tasks" ("project_id", "external_code") WHERE external_code IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_tasks_project_external_code"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_tasks_project_external_code" ON "tasks" ("project_id", "external_code") ',
    );
  }
}
