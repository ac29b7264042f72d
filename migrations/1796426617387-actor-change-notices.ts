import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to a user's sessions, account or crew/project assignments notifies the channel
 * `actor_changes` with the user's id, when its transaction commits: each api process keeps the
 * sessions it looked up for a few seconds (ActorCache) and drops the user's at once on such a
 * notification, whichever process, job, CLI command or hand-written SQL made the change.
 */
export class ActorChangeNotices1796426617387 implements MigrationInterface {
  name = 'ActorChangeNotices1796426617387';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_actor_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        changed uuid;
      BEGIN
        -- One statement per table's column: PL/pgSQL resolves a field when it runs the statement.
        IF TG_TABLE_NAME = 'users' THEN
          IF TG_OP = 'DELETE' THEN changed := OLD.id; ELSE changed := NEW.id; END IF;
        ELSIF TG_OP = 'DELETE' THEN
          changed := OLD.user_id;
        ELSE
          changed := NEW.user_id;
        END IF;
        PERFORM pg_notify('actor_changes', changed::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_actor_change AFTER UPDATE OR DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION notify_actor_change()`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_actor_change AFTER UPDATE OF user_id, expires_at, revoked_at OR DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION notify_actor_change()`);
    for (const table of ['user_crews', 'user_projects']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_actor_change AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION notify_actor_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['users', 'sessions', 'user_crews', 'user_projects']) {
      await queryRunner.query(`DROP TRIGGER ${table}_actor_change ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION notify_actor_change()');
  }
}
