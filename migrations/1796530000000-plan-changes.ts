import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which transactions changed a project's tasks or links: every INSERT, UPDATE or DELETE statement
 * on tasks and dependencies adds one row per project it touched, with its transaction id. An api
 * keeps a project's network in memory, read in a snapshot; before an edit pushes from it, one
 * look here (an index range of the project's recent rows) tells whether any transaction that
 * snapshot did not see has changed the project since, instead of reading the ~1,000 downstream
 * tasks and their links again (14–23 ms of a push of 900+ tasks). Adding rows takes no lock
 * another writer holds (as project_task_counts). The api removes rows older than a day.
 */
export class PlanChanges1796530000000 implements MigrationInterface {
  name = 'PlanChanges1796530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "plan_changes" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "xid" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_fef9d45e83ae50ee0f4b7cc20ba" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_plan_changes_project_xid" ON "plan_changes"  ("project_id", "xid") ');
    await queryRunner.query(`
      CREATE FUNCTION plan_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO plan_changes (project_id, xid)
          SELECT DISTINCT project_id, pg_current_xact_id()::text::bigint FROM new_rows;
        ELSIF TG_OP = 'UPDATE' THEN
          -- A row moved to another project changes both.
          INSERT INTO plan_changes (project_id, xid)
          SELECT project_id, pg_current_xact_id()::text::bigint
            FROM (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows) p;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO plan_changes (project_id, xid)
          SELECT DISTINCT project_id, pg_current_xact_id()::text::bigint FROM old_rows;
        ELSE
          -- TRUNCATE names no rows: every project changed.
          INSERT INTO plan_changes (project_id, xid) SELECT id, pg_current_xact_id()::text::bigint FROM projects;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['tasks', 'dependencies']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_plan_changed_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION plan_changed()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_plan_changed_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_changed()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_plan_changed_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION plan_changed()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_plan_changed_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION plan_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['dependencies', 'tasks']) {
      for (const event of ['truncate', 'delete', 'update', 'insert']) {
        await queryRunner.query(`DROP TRIGGER ${table}_plan_changed_${event} ON ${table}`);
      }
    }
    await queryRunner.query('DROP FUNCTION plan_changed()');
    await queryRunner.query('DROP INDEX "public"."ix_plan_changes_project_xid"');
    await queryRunner.query('DROP TABLE "plan_changes"');
  }
}
