import { MigrationInterface, QueryRunner } from 'typeorm';

/** The task columns a crew's notice shows: a change to one of them owes the crew an amendment. */
const NOTICE_COLUMNS = [
  'crew_id',
  'project_id',
  'planned_start',
  'planned_finish',
  'start_date',
  'finish_date',
  'status',
  'title',
  'content',
  'location_id',
  'materials',
  'tools',
  'safety_notes',
];

/** A task row as the UPDATE trigger compares its old and new versions. */
export const COMPARED = ['id', ...NOTICE_COLUMNS].join(', ');

/**
 * The task amendment trigger once per statement instead of once per row: an edit pushing 900
 * tasks called `notices_owe_amendment` 1,800 times (45–68 ms of its UPDATE under load); over
 * the statement's transition tables it is one INSERT for all of them (3–12 ms). Transition
 * tables allow neither one trigger for several events nor `UPDATE OF` columns, so there are
 * three triggers, and the UPDATE one compares the notice's columns of each row itself: an
 * UPDATE that leaves them as they were (progress, version, a value written again) owes nothing.
 * It compares them by EXCEPT both ways (the old versions of the changed rows, and their new
 * versions), not by joining the two tables on id: PL/pgSQL keeps the plan made for the first
 * statement of a connection, and a join planned for one row was a nested loop, 420 ms for 971.
 *
 * The interruption trigger (announcements migration) only shifts a stored interruption: its
 * WHEN now says so, sparing a PL/pgSQL call per moved task that has none.
 */
export class TaskAmendmentsPerStatement1796441200000 implements MigrationInterface {
  name = 'TaskAmendmentsPerStatement1796441200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // notices_owe_amendment (nightly-notices migration) for many (crew, project, dates) at once.
    await queryRunner.query(`
      CREATE FUNCTION notices_owe_amendments(p_crews uuid[], p_projects uuid[], p_froms date[], p_tos date[])
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO notice_amendments_owed (crew_id, notice_date, first_changed_at, changed_at)
        SELECT owed.crew_id, owed.d, now(), now() FROM (
          SELECT s.crew_id, n.notice_date AS d
            FROM unnest(p_crews, p_froms, p_tos) AS s(crew_id, from_date, to_date)
            JOIN notices n ON n.crew_id = s.crew_id AND n.notice_date BETWEEN s.from_date AND s.to_date
          UNION
          SELECT s.crew_id, r.run_date
            FROM unnest(p_crews, p_projects, p_froms, p_tos) AS s(crew_id, project_id, from_date, to_date)
            JOIN notice_runs r ON r.project_id = s.project_id AND r.run_date BETWEEN s.from_date AND s.to_date
           WHERE r.status <> 'pending'
        ) owed
        ON CONFLICT (crew_id, notice_date) DO UPDATE SET changed_at = now();
      END $$`);
    // Before and after of each changed row, as notices_record_task_change did per row.
    await queryRunner.query(`
      CREATE FUNCTION notices_record_task_changes() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          PERFORM notices_owe_amendments(array_agg(crew_id), array_agg(project_id), array_agg(start_date),
                                         array_agg(finish_date))
             FROM ((SELECT ${COMPARED} FROM old_rows
                    EXCEPT SELECT ${COMPARED} FROM new_rows)
                   UNION ALL
                   (SELECT ${COMPARED} FROM new_rows
                    EXCEPT SELECT ${COMPARED} FROM old_rows)) changed
            WHERE crew_id IS NOT NULL;
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM notices_owe_amendments(array_agg(crew_id), array_agg(project_id), array_agg(start_date),
                                         array_agg(finish_date))
             FROM new_rows WHERE crew_id IS NOT NULL;
        ELSE
          PERFORM notices_owe_amendments(array_agg(crew_id), array_agg(project_id), array_agg(start_date),
                                         array_agg(finish_date))
             FROM old_rows WHERE crew_id IS NOT NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query('DROP TRIGGER tasks_notice_amendments ON tasks');
    await queryRunner.query('DROP FUNCTION notices_record_task_change()');
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION notices_record_task_changes()`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments_update AFTER UPDATE ON tasks
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION notices_record_task_changes()`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION notices_record_task_changes()`);

    await queryRunner.query('DROP TRIGGER tr_tasks_interruption_follows ON tasks');
    await queryRunner.query(`
      CREATE TRIGGER tr_tasks_interruption_follows BEFORE UPDATE OF planned_start ON tasks FOR EACH ROW
      WHEN (OLD.interruption_starts_at IS NOT NULL OR OLD.interruption_ends_at IS NOT NULL)
      EXECUTE FUNCTION tasks_interruption_follows()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tr_tasks_interruption_follows ON tasks');
    await queryRunner.query(
      'CREATE TRIGGER tr_tasks_interruption_follows BEFORE UPDATE OF planned_start ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_interruption_follows()',
    );

    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER tasks_notice_amendments_${event} ON tasks`);
    }
    await queryRunner.query('DROP FUNCTION notices_record_task_changes()');
    await queryRunner.query('DROP FUNCTION notices_owe_amendments(uuid[], uuid[], date[], date[])');
    // As the nightly-notices migration created them.
    await queryRunner.query(`
      CREATE FUNCTION notices_record_task_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.crew_id IS NOT NULL THEN
          PERFORM notices_owe_amendment(OLD.crew_id, OLD.project_id, OLD.start_date, OLD.finish_date);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.crew_id IS NOT NULL THEN
          PERFORM notices_owe_amendment(NEW.crew_id, NEW.project_id, NEW.start_date, NEW.finish_date);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_notice_amendments
      AFTER INSERT OR DELETE OR UPDATE OF ${NOTICE_COLUMNS.join(', ')}
      ON tasks FOR EACH ROW EXECUTE FUNCTION notices_record_task_change()`);
  }
}
