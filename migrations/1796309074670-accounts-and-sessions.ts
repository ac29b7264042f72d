import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sessions hardening: usernames unique ignoring case (after checking that no two
 * existing accounts clash, naming them if some do); when a password was last set; why a
 * session ended; and the retired refresh tokens of each session, for reuse detection.
 */
export class AccountsAndSessions1796309074670 implements MigrationInterface {
  name = 'AccountsAndSessions1796309074670';

  async up(queryRunner: QueryRunner): Promise<void> {
    const clashes: { names: string[] }[] = await queryRunner.query(
      `SELECT array_agg(username ORDER BY username) AS names FROM users
        GROUP BY lower(username) HAVING count(*) > 1 ORDER BY lower(username)`,
    );
    if (clashes.length) {
      const list = clashes.map((clash) => clash.names.map((name) => `"${name}"`).join(' and ')).join('; ');
      throw new Error(
        `Usernames are now unique ignoring case, but these accounts differ only in case: ${list}. ` +
          'Rename all but one of each (UPDATE users SET username = … WHERE id = …), then migrate again.',
      );
    }
    await queryRunner.query('DROP INDEX "public"."uq_users_username"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_users_username_lower" ON "users" (lower("username"))');
    await queryRunner.query('ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "sessions" ADD "revoked_reason" text');
    await queryRunner.query(
      'CREATE TABLE "retired_refresh_tokens" ("token_hash" text NOT NULL, "session_id" uuid NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_retired_refresh_tokens" PRIMARY KEY ("token_hash"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_retired_refresh_tokens_session" ON "retired_refresh_tokens"  ("session_id", "retired_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "retired_refresh_tokens" ADD CONSTRAINT "fk_retired_refresh_tokens_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "retired_refresh_tokens" DROP CONSTRAINT "fk_retired_refresh_tokens_session"');
    await queryRunner.query('DROP INDEX "public"."ix_retired_refresh_tokens_session"');
    await queryRunner.query('DROP TABLE "retired_refresh_tokens"');
    await queryRunner.query('ALTER TABLE "sessions" DROP COLUMN "revoked_reason"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "password_changed_at"');
    await queryRunner.query('DROP INDEX "public"."uq_users_username_lower"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username")');
  }
}
