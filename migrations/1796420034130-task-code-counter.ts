import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task codes are never reused: the project keeps the highest code it ever gave
 * (`projects.last_task_code`). The insert trigger takes the next one from it (the UPDATE locks the
 * project row, as the former `FOR UPDATE` did), and a row inserted with its own code (an undone
 * delete restoring its task) raises it when higher. Before, a new task took max(code) + 1 and so
 * got the code of the highest task deleted just before.
 */
export class TaskCodeCounter1796420034130 implements MigrationInterface {
  name = 'TaskCodeCounter1796420034130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "projects" ADD "last_task_code" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query(
      'UPDATE projects p SET last_task_code = COALESCE((SELECT max(code) FROM tasks t WHERE t.project_id = p.id), 0)',
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION tasks_assign_code() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.code IS NULL THEN
          UPDATE projects SET last_task_code = last_task_code + 1 WHERE id = NEW.project_id
            RETURNING last_task_code INTO NEW.code;
        ELSE
          UPDATE projects SET last_task_code = NEW.code WHERE id = NEW.project_id AND last_task_code < NEW.code;
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION tasks_assign_code() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.code IS NULL THEN
          PERFORM 1 FROM projects WHERE id = NEW.project_id FOR UPDATE;
          SELECT COALESCE(max(code), 0) + 1 INTO NEW.code FROM tasks WHERE project_id = NEW.project_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('ALTER TABLE "projects" DROP COLUMN "last_task_code"');
  }
}
