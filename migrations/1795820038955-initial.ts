import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795820038955 implements MigrationInterface {
  name = 'Initial1795820038955';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"department_kind\" AS ENUM('power', 'telecom', 'water', 'gas', 'heating', 'city_construction', 'city_appearance', 'police', 'community', 'other')",
    );
    await queryRunner.query(
      'CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "kind" "public"."department_kind" NOT NULL, "name" text NOT NULL, "color" text NOT NULL DEFAULT \'#868e96\', "contact_name" text, "contact_phone" text, CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_departments_name" ON "departments"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "contractors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "name" text NOT NULL, "department_id" uuid NOT NULL, "contact_name" text, "contact_phone" text, CONSTRAINT "PK_6dbfde8813cdc4c4689f1e1e503" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_contractors_name" ON "contractors"  ("name") ');
    await queryRunner.query('CREATE INDEX "ix_contractors_department" ON "contractors"  ("department_id") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"channel_kind\" AS ENUM('email', 'sms', 'wecom', 'dingtalk', 'feishu')",
    );
    await queryRunner.query(
      'CREATE TABLE "crew_channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "crew_id" uuid NOT NULL, "kind" "public"."channel_kind" NOT NULL, "address" text NOT NULL, "secret" text, "enabled" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_b0c929716f33270e316638e9c1c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_crew_channels_crew" ON "crew_channels"  ("crew_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_crew_channels_crew_kind_address" ON "crew_channels"  ("crew_id", "kind", "address") ',
    );
    await queryRunner.query('CREATE TYPE "public"."language" AS ENUM(\'zh-CN\', \'en\')');
    await queryRunner.query(
      'CREATE TABLE "crews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "name" text NOT NULL, "contractor_id" uuid NOT NULL, "department_id" uuid NOT NULL, "leader_name" text NOT NULL, "leader_phone" text, "language" "public"."language" NOT NULL DEFAULT \'zh-CN\', CONSTRAINT "PK_4316f43ffc0d2bbb0c4c767ba5c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_crews_contractor" ON "crews"  ("contractor_id") ');
    await queryRunner.query('CREATE INDEX "ix_crews_department" ON "crews"  ("department_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_crews_contractor_name" ON "crews"  ("contractor_id", "name") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"location_kind\" AS ENUM('compound', 'building', 'unit', 'street_segment')",
    );
    await queryRunner.query(
      'CREATE TABLE "locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "kind" "public"."location_kind" NOT NULL, "name" text NOT NULL, "parent_id" uuid, "address" text, "households" integer, CONSTRAINT "PK_7cc1c9e3853b94816c094825e74" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_locations_parent" ON "locations"  ("parent_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_locations_parent_name" ON "locations"  ("parent_id", "name") ');
    await queryRunner.query(
      'CREATE TABLE "blackout_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "calendar_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_9e6cd0be7d5a666168314462139" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_blackout_windows_calendar_starts" ON "blackout_windows"  ("calendar_id", "starts_at") ',
    );
    await queryRunner.query('CREATE TYPE "public"."calendar_exception_kind" AS ENUM(\'holiday\', \'makeup_workday\')');
    await queryRunner.query(
      'CREATE TABLE "calendar_exceptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "calendar_id" uuid NOT NULL, "date" date NOT NULL, "kind" "public"."calendar_exception_kind" NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_76dcb30fd3912d61dfd9d91a222" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_calendar_exceptions_calendar_date" ON "calendar_exceptions"  ("calendar_id", "date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "calendars" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "name" text NOT NULL, "weekly_windows" jsonb NOT NULL, CONSTRAINT "PK_90dc0330e8ec9028e23c290dee8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_calendars_name" ON "calendars"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "code" text NOT NULL, "name" text NOT NULL, "description" text, "time_zone" text NOT NULL DEFAULT \'Asia/Shanghai\', "calendar_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "coordinator_name" text, "coordinator_phone" text, CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_projects_code" ON "projects"  ("code") ');
    await queryRunner.query('CREATE INDEX "ix_projects_calendar" ON "projects"  ("calendar_id") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"task_status\" AS ENUM('planned', 'ready', 'in_progress', 'done', 'blocked', 'cancelled')",
    );
    await queryRunner.query('CREATE TYPE "public"."scheduling_mode" AS ENUM(\'automatic\', \'manual\')');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"constraint_type\" AS ENUM('start_no_earlier_than', 'finish_no_later_than', 'must_start_on')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"interruption_kind\" AS ENUM('power', 'water', 'gas', 'heating', 'network', 'road_closure')",
    );
    await queryRunner.query(
      'CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "project_id" uuid NOT NULL, "title" text NOT NULL, "content" text NOT NULL DEFAULT \'\', "department_id" uuid NOT NULL, "crew_id" uuid, "location_id" uuid, "planned_start" TIMESTAMP WITH TIME ZONE NOT NULL, "planned_finish" TIMESTAMP WITH TIME ZONE NOT NULL, "start_date" date NOT NULL, "finish_date" date NOT NULL, "duration_minutes" integer NOT NULL, "materials" jsonb NOT NULL DEFAULT \'[]\', "tools" text array NOT NULL DEFAULT \'{}\', "safety_notes" text NOT NULL DEFAULT \'\', "status" "public"."task_status" NOT NULL DEFAULT \'planned\', "progress" smallint NOT NULL DEFAULT \'0\', "scheduling_mode" "public"."scheduling_mode" NOT NULL DEFAULT \'automatic\', "constraint_type" "public"."constraint_type", "constraint_at" TIMESTAMP WITH TIME ZONE, "needs_utilities" "public"."interruption_kind" array NOT NULL DEFAULT \'{}\', "interruption_kind" "public"."interruption_kind", "interruption_starts_at" TIMESTAMP WITH TIME ZONE, "interruption_ends_at" TIMESTAMP WITH TIME ZONE, "interruption_location_ids" uuid array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_tasks_department_dates" ON "tasks"  ("department_id", "start_date") ');
    await queryRunner.query('CREATE INDEX "ix_tasks_location_dates" ON "tasks"  ("location_id", "start_date") ');
    await queryRunner.query('CREATE INDEX "ix_tasks_crew_dates" ON "tasks"  ("crew_id", "start_date") ');
    await queryRunner.query(
      'CREATE INDEX "ix_tasks_project_dates" ON "tasks"  ("project_id", "start_date", "finish_date") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"dependency_type\" AS ENUM('FS', 'SS', 'FF', 'SF')");
    await queryRunner.query(
      'CREATE TABLE "dependencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "project_id" uuid NOT NULL, "predecessor_id" uuid NOT NULL, "successor_id" uuid NOT NULL, "type" "public"."dependency_type" NOT NULL DEFAULT \'FS\', "lag_minutes" integer NOT NULL DEFAULT \'0\', CONSTRAINT "ck_dependencies_not_self" CHECK ("predecessor_id" <> "successor_id"), CONSTRAINT "PK_9f1f03f8207f8df418ae3eca645" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_dependencies_project" ON "dependencies"  ("project_id") ');
    await queryRunner.query('CREATE INDEX "ix_dependencies_successor" ON "dependencies"  ("successor_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_dependencies_pair" ON "dependencies"  ("predecessor_id", "successor_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "contractors" ADD CONSTRAINT "fk_contractors_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "crew_channels" ADD CONSTRAINT "fk_crew_channels_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "crews" ADD CONSTRAINT "fk_crews_contractor" FOREIGN KEY ("contractor_id") REFERENCES "contractors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "crews" ADD CONSTRAINT "fk_crews_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "locations" ADD CONSTRAINT "fk_locations_parent" FOREIGN KEY ("parent_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "blackout_windows" ADD CONSTRAINT "fk_blackout_windows_calendar" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_exceptions" ADD CONSTRAINT "fk_calendar_exceptions_calendar" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "projects" ADD CONSTRAINT "fk_projects_calendar" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_location" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dependencies" ADD CONSTRAINT "fk_dependencies_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dependencies" ADD CONSTRAINT "fk_dependencies_predecessor" FOREIGN KEY ("predecessor_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dependencies" ADD CONSTRAINT "fk_dependencies_successor" FOREIGN KEY ("successor_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dependencies" DROP CONSTRAINT "fk_dependencies_successor"');
    await queryRunner.query('ALTER TABLE "dependencies" DROP CONSTRAINT "fk_dependencies_predecessor"');
    await queryRunner.query('ALTER TABLE "dependencies" DROP CONSTRAINT "fk_dependencies_project"');
    await queryRunner.query('ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_location"');
    await queryRunner.query('ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_crew"');
    await queryRunner.query('ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_department"');
    await queryRunner.query('ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_project"');
    await queryRunner.query('ALTER TABLE "projects" DROP CONSTRAINT "fk_projects_calendar"');
    await queryRunner.query('ALTER TABLE "calendar_exceptions" DROP CONSTRAINT "fk_calendar_exceptions_calendar"');
    await queryRunner.query('ALTER TABLE "blackout_windows" DROP CONSTRAINT "fk_blackout_windows_calendar"');
    await queryRunner.query('ALTER TABLE "locations" DROP CONSTRAINT "fk_locations_parent"');
    await queryRunner.query('ALTER TABLE "crews" DROP CONSTRAINT "fk_crews_department"');
    await queryRunner.query('ALTER TABLE "crews" DROP CONSTRAINT "fk_crews_contractor"');
    await queryRunner.query('ALTER TABLE "crew_channels" DROP CONSTRAINT "fk_crew_channels_crew"');
    await queryRunner.query('ALTER TABLE "contractors" DROP CONSTRAINT "fk_contractors_department"');
    await queryRunner.query('DROP INDEX "public"."uq_dependencies_pair"');
    await queryRunner.query('DROP INDEX "public"."ix_dependencies_successor"');
    await queryRunner.query('DROP INDEX "public"."ix_dependencies_project"');
    await queryRunner.query('DROP TABLE "dependencies"');
    await queryRunner.query('DROP TYPE "public"."dependency_type"');
    await queryRunner.query('DROP INDEX "public"."ix_tasks_project_dates"');
    await queryRunner.query('DROP INDEX "public"."ix_tasks_crew_dates"');
    await queryRunner.query('DROP INDEX "public"."ix_tasks_location_dates"');
    await queryRunner.query('DROP INDEX "public"."ix_tasks_department_dates"');
    await queryRunner.query('DROP TABLE "tasks"');
    await queryRunner.query('DROP TYPE "public"."interruption_kind"');
    await queryRunner.query('DROP TYPE "public"."constraint_type"');
    await queryRunner.query('DROP TYPE "public"."scheduling_mode"');
    await queryRunner.query('DROP TYPE "public"."task_status"');
    await queryRunner.query('DROP INDEX "public"."ix_projects_calendar"');
    await queryRunner.query('DROP INDEX "public"."uq_projects_code"');
    await queryRunner.query('DROP TABLE "projects"');
    await queryRunner.query('DROP INDEX "public"."uq_calendars_name"');
    await queryRunner.query('DROP TABLE "calendars"');
    await queryRunner.query('DROP INDEX "public"."uq_calendar_exceptions_calendar_date"');
    await queryRunner.query('DROP TABLE "calendar_exceptions"');
    await queryRunner.query('DROP TYPE "public"."calendar_exception_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_blackout_windows_calendar_starts"');
    await queryRunner.query('DROP TABLE "blackout_windows"');
    await queryRunner.query('DROP INDEX "public"."uq_locations_parent_name"');
    await queryRunner.query('DROP INDEX "public"."ix_locations_parent"');
    await queryRunner.query('DROP TABLE "locations"');
    await queryRunner.query('DROP TYPE "public"."location_kind"');
    await queryRunner.query('DROP INDEX "public"."uq_crews_contractor_name"');
    await queryRunner.query('DROP INDEX "public"."ix_crews_department"');
    await queryRunner.query('DROP INDEX "public"."ix_crews_contractor"');
    await queryRunner.query('DROP TABLE "crews"');
    await queryRunner.query('DROP TYPE "public"."language"');
    await queryRunner.query('DROP INDEX "public"."uq_crew_channels_crew_kind_address"');
    await queryRunner.query('DROP INDEX "public"."ix_crew_channels_crew"');
    await queryRunner.query('DROP TABLE "crew_channels"');
    await queryRunner.query('DROP TYPE "public"."channel_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_contractors_department"');
    await queryRunner.query('DROP INDEX "public"."uq_contractors_name"');
    await queryRunner.query('DROP TABLE "contractors"');
    await queryRunner.query('DROP INDEX "public"."uq_departments_name"');
    await queryRunner.query('DROP TABLE "departments"');
    await queryRunner.query('DROP TYPE "public"."department_kind"');
  }
}
