import { MigrationInterface, QueryRunner } from 'typeorm';

/** Standard work steps (标准工序): a task's usual title, duration, materials, tools and safety notes. */
export class WorkSteps1796321941712 implements MigrationInterface {
  name = 'WorkSteps1796321941712';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "work_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "name" text NOT NULL, "department_kind" "public"."department_kind", "department_id" uuid, "duration_minutes" integer NOT NULL, "content" text NOT NULL DEFAULT \'\', "materials" jsonb NOT NULL DEFAULT \'[]\', "tools" text array NOT NULL DEFAULT \'{}\', "safety_notes" text NOT NULL DEFAULT \'\', CONSTRAINT "PK_75b5c95ad72ed04700158a41f85" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_work_steps_name" ON "work_steps"  ("name") ');
    await queryRunner.query(
      'ALTER TABLE "work_steps" ADD CONSTRAINT "fk_work_steps_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "work_steps" DROP CONSTRAINT "fk_work_steps_department"');
    await queryRunner.query('DROP INDEX "public"."uq_work_steps_name"');
    await queryRunner.query('DROP TABLE "work_steps"');
  }
}
