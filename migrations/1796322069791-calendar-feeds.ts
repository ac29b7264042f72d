import { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar feeds: secret iCalendar URLs of crews and agency users (only the hash of the secret is kept). */
export class CalendarFeeds1796322069791 implements MigrationInterface {
  name = 'CalendarFeeds1796322069791';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "crew_id" uuid, "user_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_calendar_feeds_one_owner" CHECK ((crew_id IS NULL) <> (user_id IS NULL)), CONSTRAINT "pk_calendar_feeds" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds"  ("token_hash") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_calendar_feeds_active_user" ON "calendar_feeds"  ("user_id") WHERE revoked_at IS NULL AND user_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_calendar_feeds_active_crew" ON "calendar_feeds"  ("crew_id") WHERE revoked_at IS NULL AND crew_id IS NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "fk_calendar_feeds_created_by"');
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "fk_calendar_feeds_user"');
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "fk_calendar_feeds_crew"');
    await queryRunner.query('DROP INDEX "public"."uq_calendar_feeds_active_crew"');
    await queryRunner.query('DROP INDEX "public"."uq_calendar_feeds_active_user"');
    await queryRunner.query('DROP INDEX "public"."uq_calendar_feeds_token_hash"');
    await queryRunner.query('DROP TABLE "calendar_feeds"');
  }
}
