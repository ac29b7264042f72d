import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthAndAudit1795820959151 implements MigrationInterface {
  name = 'AuthAndAudit1795820959151';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"role\" AS ENUM('admin', 'coordinator', 'contractor', 'agency', 'viewer')",
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "username" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" "public"."role" NOT NULL, "language" "public"."language" NOT NULL DEFAULT \'zh-CN\', "active" boolean NOT NULL DEFAULT true, "department_id" uuid, "email" text, "phone" text, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_users_username" ON "users"  ("username") ');
    await queryRunner.query('CREATE INDEX "ix_users_department" ON "users"  ("department_id") ');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_agent" text, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_sessions_user" ON "sessions"  ("user_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions"  ("token_hash") ');
    await queryRunner.query("CREATE TYPE \"public\".\"audit_action\" AS ENUM('create', 'update', 'delete')");
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" text NOT NULL, "action" "public"."audit_action" NOT NULL, "entity" text NOT NULL, "entity_id" uuid NOT NULL, "project_id" uuid, "changes" jsonb NOT NULL, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_audit_entity" ON "audit_entries"  ("entity", "entity_id", "at") ');
    await queryRunner.query('CREATE INDEX "ix_audit_project_at" ON "audit_entries"  ("project_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "user_projects" ("user_id" uuid NOT NULL, "project_id" uuid NOT NULL, CONSTRAINT "PK_f1cb6930858fc19acfac1ce4e54" PRIMARY KEY ("user_id", "project_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_86ef6061f6f13aa9252b12cbe8" ON "user_projects"  ("user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_4c6aaf014ba0d66a74bb552272" ON "user_projects"  ("project_id") ');
    await queryRunner.query(
      'CREATE TABLE "user_crews" ("user_id" uuid NOT NULL, "crew_id" uuid NOT NULL, CONSTRAINT "PK_bbd5085dd9903c39bd1299e5f77" PRIMARY KEY ("user_id", "crew_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_a7b1fb7016ac9f07639514375e" ON "user_crews"  ("user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_e64e7421704630d34f8827059e" ON "user_crews"  ("crew_id") ');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "fk_users_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_projects" ADD CONSTRAINT "fk_user_projects_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "user_projects" ADD CONSTRAINT "fk_user_projects_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "user_crews" ADD CONSTRAINT "fk_user_crews_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "user_crews" ADD CONSTRAINT "fk_user_crews_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_crews" DROP CONSTRAINT "fk_user_crews_crew"');
    await queryRunner.query('ALTER TABLE "user_crews" DROP CONSTRAINT "fk_user_crews_user"');
    await queryRunner.query('ALTER TABLE "user_projects" DROP CONSTRAINT "fk_user_projects_project"');
    await queryRunner.query('ALTER TABLE "user_projects" DROP CONSTRAINT "fk_user_projects_user"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "fk_users_department"');
    await queryRunner.query('DROP INDEX "public"."IDX_e64e7421704630d34f8827059e"');
    await queryRunner.query('DROP INDEX "public"."IDX_a7b1fb7016ac9f07639514375e"');
    await queryRunner.query('DROP TABLE "user_crews"');
    await queryRunner.query('DROP INDEX "public"."IDX_4c6aaf014ba0d66a74bb552272"');
    await queryRunner.query('DROP INDEX "public"."IDX_86ef6061f6f13aa9252b12cbe8"');
    await queryRunner.query('DROP TABLE "user_projects"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_project_at"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entity"');
    await queryRunner.query('DROP TABLE "audit_entries"');
    await queryRunner.query('DROP TYPE "public"."audit_action"');
    await queryRunner.query('DROP INDEX "public"."uq_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_sessions_user"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."ix_users_department"');
    await queryRunner.query('DROP INDEX "public"."uq_users_username"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."role"');
  }
}
