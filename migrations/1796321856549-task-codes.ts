import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task codes: a per-project sequential number (MS Project's ID) that the predecessors column
 * ("12FS+2d") and the table show. Existing tasks are numbered in order of their planned start.
 * A new row gets the project's highest code + 1 from a trigger, whichever code path inserts it
 * (api, seed, benches, fixtures); the trigger first locks the project row as the re-scheduling
 * does, so concurrent inserts into one project are numbered one after the other. Codes are never
 * reused or renumbered (a deleted task leaves a gap), so links typed by code stay stable.
 */
export class TaskCodes1796321856549 implements MigrationInterface {
  name = 'TaskCodes1796321856549';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tasks" ADD "code" integer');
    await queryRunner.query(`
      UPDATE tasks t SET code = numbered.code
        FROM (SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY planned_start, created_at, id) AS code
                FROM tasks) numbered
       WHERE numbered.id = t.id`);
    await queryRunner.query('ALTER TABLE "tasks" ALTER COLUMN "code" SET NOT NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_tasks_project_code" ON "tasks"  ("project_id", "code") ');
    await queryRunner.query(`
      CREATE FUNCTION tasks_assign_code() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.code IS NULL THEN
          PERFORM 1 FROM projects WHERE id = NEW.project_id FOR UPDATE;
          SELECT COALESCE(max(code), 0) + 1 INTO NEW.code FROM tasks WHERE project_id = NEW.project_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_assign_code BEFORE INSERT ON tasks
      FOR EACH ROW EXECUTE FUNCTION tasks_assign_code()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tasks_assign_code ON tasks');
    await queryRunner.query('DROP FUNCTION tasks_assign_code()');
    await queryRunner.query('DROP INDEX "public"."uq_tasks_project_code"');
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "code"');
  }
}
