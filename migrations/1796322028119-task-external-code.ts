import { MigrationInterface, QueryRunner } from 'typeorm';

/** A task's code in the sheet or file it was imported from (编号): re-imports update it in place. */
export class TaskExternalCode1796322028119 implements MigrationInterface {
  name = 'TaskExternalCode1796322028119';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tasks" ADD "external_code" text');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_tasks_project_external_code" ON "tasks"  ("project_id", "external_code") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_tasks_project_external_code"');
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "external_code"');
  }
}
