import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many tasks each project has, kept as it changes: a task list's total (every full first
 * page of a project's tasks) was `count(*)` over the project's rows, ~0.5 ms of PostgreSQL for
 * 5,000 tasks and most of what a 20-task page cost it. The count is the sum of a project's rows
 * in `project_task_counts`; every INSERT or DELETE statement on tasks adds one row per project it
 * touched (+n or −n). Adding rows takes no lock that another writer holds (a counter column
 * updated in place would make a task's delete wait for, and deadlock with, an edit holding the
 * project), and a reader's snapshot sees exactly the rows of the transactions it sees, as
 * `count(*)` would. When a project has gathered more than 32 rows, the statement that adds one
 * folds the rows no other transaction is folding (SKIP LOCKED) into one.
 */
export class ProjectTaskCounts1796500000000 implements MigrationInterface {
  name = 'ProjectTaskCounts1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "project_task_counts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "tasks" integer NOT NULL, CONSTRAINT "PK_af891682fc41332f9bbe8ee6e94" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_project_task_counts_project" ON "project_task_counts" ("project_id")');
    await queryRunner.query(`
      CREATE FUNCTION project_task_counts_add(project uuid, added integer) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO project_task_counts (project_id, tasks) VALUES (project, added);
        IF (SELECT count(*) FROM project_task_counts WHERE project_id = project) > 32 THEN
          WITH folded AS (
            DELETE FROM project_task_counts c
             WHERE c.id IN (SELECT id FROM project_task_counts WHERE project_id = project FOR UPDATE SKIP LOCKED)
            RETURNING c.tasks)
          INSERT INTO project_task_counts (project_id, tasks)
          SELECT project, sum(tasks) FROM folded HAVING sum(tasks) <> 0;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION tasks_count_rows() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM project_task_counts_add(project_id, count(*)::int) FROM new_rows GROUP BY project_id;
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM project_task_counts_add(project_id, -count(*)::int) FROM old_rows GROUP BY project_id;
        ELSE
          DELETE FROM project_task_counts;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION tasks_count_moved() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM project_task_counts_add(OLD.project_id, -1);
        PERFORM project_task_counts_add(NEW.project_id, 1);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_count_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tasks_count_rows()`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_count_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tasks_count_rows()`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_count_truncate AFTER TRUNCATE ON tasks
      FOR EACH STATEMENT EXECUTE FUNCTION tasks_count_rows()`);
    // A task moved to another project (nothing does it today): one less there, one more here.
    await queryRunner.query(`
      CREATE TRIGGER tasks_count_moved AFTER UPDATE OF project_id ON tasks FOR EACH ROW
      WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id) EXECUTE FUNCTION tasks_count_moved()`);
    await queryRunner.query(
      'INSERT INTO project_task_counts (project_id, tasks) SELECT project_id, count(*) FROM tasks GROUP BY project_id',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tasks_count_moved ON tasks');
    await queryRunner.query('DROP TRIGGER tasks_count_truncate ON tasks');
    await queryRunner.query('DROP TRIGGER tasks_count_delete ON tasks');
    await queryRunner.query('DROP TRIGGER tasks_count_insert ON tasks');
    await queryRunner.query('DROP FUNCTION tasks_count_moved()');
    await queryRunner.query('DROP FUNCTION tasks_count_rows()');
    await queryRunner.query('DROP FUNCTION project_task_counts_add(uuid, integer)');
    await queryRunner.query('DROP TABLE "project_task_counts"');
  }
}
