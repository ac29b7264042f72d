import { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPARED } from './1796441200000-task-amendments-per-statement';

/**
 * The UPDATE amendment trigger compares only the rows that can touch a notice: a task is owed
 * an amendment for a notice (or a night run) on a date between its start and finish, and no
 * notice or run is later than the last one written, so a row that starts after that date, before
 * and after the update, owes nothing. A push moving 900 tasks in the coming weeks compared all
 * of them (EXCEPT over their 14 columns both ways, ~5 ms); now the ones before that date (none
 * when the push is beyond tomorrow). Both sides of each EXCEPT keep the same rows, so a row
 * moved from before that date to after it still owes for its old dates.
 */
export class TaskAmendmentsNoticedDates1796480100000 implements MigrationInterface {
  name = 'TaskAmendmentsNoticedDates1796480100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notices_record_task_updates() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE last_noticed date;
      BEGIN
        SELECT greatest((SELECT max(notice_date) FROM notices),
                        (SELECT max(r.run_date) FROM notice_runs r
                          WHERE r.project_id IN (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows)))
          INTO last_noticed;
        IF last_noticed IS NULL THEN
          RETURN NULL;
        END IF;
        PERFORM notices_owe_amendments(array_agg(crew_id), array_agg(project_id), array_agg(start_date),
                                       array_agg(finish_date))
           FROM ((SELECT ${COMPARED} FROM old_rows WHERE start_date <= last_noticed
                  EXCEPT SELECT ${COMPARED} FROM new_rows WHERE start_date <= last_noticed)
                 UNION ALL
                 (SELECT ${COMPARED} FROM new_rows WHERE start_date <= last_noticed
                  EXCEPT SELECT ${COMPARED} FROM old_rows WHERE start_date <= last_noticed)) changed
          WHERE crew_id IS NOT NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query('DROP TRIGGER tasks_notice_amendments_update ON tasks');
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments_update AFTER UPDATE ON tasks
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION notices_record_task_updates()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tasks_notice_amendments_update ON tasks');
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments_update AFTER UPDATE ON tasks
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION notices_record_task_changes()`);
    await queryRunner.query('DROP FUNCTION notices_record_task_updates()');
  }
}
