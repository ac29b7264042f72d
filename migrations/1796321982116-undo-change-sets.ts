import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change sets for undo and redo: every audit entry names the change set (user action) it belongs
 * to and the row's version after it; `change_sets` records who made each and which undid which.
 */
export class UndoChangeSets1796321982116 implements MigrationInterface {
  name = 'UndoChangeSets1796321982116';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "change_sets" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" text NOT NULL, "project_id" uuid, "reverts_id" uuid, "reverted_by_id" uuid, CONSTRAINT "pk_change_sets" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_change_sets_reverts" ON "change_sets"  ("reverts_id") ');
    await queryRunner.query('ALTER TABLE "audit_entries" ADD "change_set_id" uuid');
    await queryRunner.query('ALTER TABLE "audit_entries" ADD "row_version" integer');
    await queryRunner.query('CREATE INDEX "ix_audit_change_set" ON "audit_entries"  ("change_set_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_audit_change_set"');
    await queryRunner.query('ALTER TABLE "audit_entries" DROP COLUMN "row_version"');
    await queryRunner.query('ALTER TABLE "audit_entries" DROP COLUMN "change_set_id"');
    await queryRunner.query('DROP INDEX "public"."uq_change_sets_reverts"');
    await queryRunner.query('DROP TABLE "change_sets"');
  }
}
