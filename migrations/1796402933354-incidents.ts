import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emergencies: incidents with their departments called in, call-outs (on the delivery state
 * machine), acknowledgement links, timeline, rush tasks and clashes; playbooks per incident kind;
 * on-call rosters per department.
 */
export class Incidents1796402933354 implements MigrationInterface {
  name = 'Incidents1796402933354';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"incident_kind\" AS ENUM('cable_fire', 'water_main_burst', 'gas_leak', 'road_collapse')",
    );
    await queryRunner.query(
      'CREATE TABLE "playbooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "kind" "public"."incident_kind" NOT NULL, "name" text NOT NULL, "department_ids" uuid array NOT NULL DEFAULT \'{}\', "steps" jsonb NOT NULL DEFAULT \'[]\', "paperwork_department_id" uuid NOT NULL, "safety_notes" text NOT NULL DEFAULT \'\', CONSTRAINT "PK_700979398c237ee843f513f51ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_playbooks_kind" ON "playbooks"  ("kind") ');
    await queryRunner.query(
      'CREATE TABLE "on_call_rosters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "department_id" uuid NOT NULL, "duty_lead_name" text, "duty_lead_phone" text, "default_crew_id" uuid, CONSTRAINT "REL_2f5fd4926046f6b57dbb133273" UNIQUE ("department_id"), CONSTRAINT "PK_ee38cc675da8dce7073ee01f7d9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_on_call_rosters_department" ON "on_call_rosters"  ("department_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "on_call_shifts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "roster_id" uuid NOT NULL, "crew_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_865bd6e41382f9bc7d9578f7223" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_on_call_shifts_roster_time" ON "on_call_shifts"  ("roster_id", "starts_at") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"incident_severity\" AS ENUM('minor', 'major', 'critical')");
    await queryRunner.query('CREATE TYPE "public"."incident_status" AS ENUM(\'open\', \'closed\')');
    await queryRunner.query(
      'CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "code" text NOT NULL, "kind" "public"."incident_kind" NOT NULL, "severity" "public"."incident_severity" NOT NULL, "status" "public"."incident_status" NOT NULL DEFAULT \'open\', "title" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "caller_name" text NOT NULL, "caller_phone" text, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_by_id" uuid NOT NULL, "location_id" uuid NOT NULL, "access_notes" text NOT NULL DEFAULT \'\', "project_id" uuid NOT NULL, "paperwork_task_id" uuid NOT NULL, "paperwork_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "paperwork_reminded_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" uuid, CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_incidents_code" ON "incidents"  ("code") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_incidents_project" ON "incidents"  ("project_id") ');
    await queryRunner.query('CREATE INDEX "ix_incidents_status_reported" ON "incidents"  ("status", "reported_at") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"incident_department_status\" AS ENUM('calling', 'notified', 'acknowledged', 'on_site', 'done')",
    );
    await queryRunner.query(
      'CREATE TABLE "incident_departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "department_id" uuid NOT NULL, "crew_id" uuid, "duty_lead_name" text, "duty_lead_phone" text, "status" "public"."incident_department_status" NOT NULL DEFAULT \'calling\', "notified_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "on_site_at" TIMESTAMP WITH TIME ZONE, "done_at" TIMESTAMP WITH TIME ZONE, "escalation_due_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ae7a7801708f2471aba7ef28ad3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_incident_departments_crew" ON "incident_departments"  ("crew_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_incident_departments_escalation" ON "incident_departments"  ("status", "escalation_due_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_incident_departments_incident_department" ON "incident_departments"  ("incident_id", "department_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "incident_callouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "incident_department_id" uuid, "purpose" text NOT NULL, "channel_id" uuid, "kind" "public"."channel_kind" NOT NULL, "address" text NOT NULL, "language" text NOT NULL DEFAULT \'zh-CN\', "status" "public"."delivery_status" NOT NULL DEFAULT \'planned\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_response" jsonb, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db8aba6a5b928e7b264fc1c65c6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_incident_callouts_status_next" ON "incident_callouts"  ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_incident_callouts_target" ON "incident_callouts"  ("incident_id", "incident_department_id", "purpose", "kind", "address") ',
    );
    await queryRunner.query(
      'CREATE TABLE "incident_ack_tokens" ("token_hash" text NOT NULL, "incident_department_id" uuid NOT NULL, "callout_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3d778e6e3dc1693dc25c509212" PRIMARY KEY ("token_hash"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_incident_ack_tokens_department" ON "incident_ack_tokens"  ("incident_department_id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_incident_ack_tokens_callout" ON "incident_ack_tokens"  ("callout_id") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"incident_event_kind\" AS ENUM('reported', 'notified', 'acknowledged', 'on_site', 'done', 'escalated', 'no_crew_on_duty', 'clash_flagged', 'task_status', 'paperwork_reminded', 'resident_post_sent', 'closed')",
    );
    await queryRunner.query(
      'CREATE TABLE "incident_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "kind" "public"."incident_event_kind" NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_name" text NOT NULL, "actor_id" uuid, "department_id" uuid, "task_id" uuid, "detail" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_1230e0a50df3503eed115634297" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_incident_events_incident_at" ON "incident_events"  ("incident_id", "at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "incident_tasks" ("task_id" uuid NOT NULL, "incident_id" uuid NOT NULL, "step_key" text NOT NULL, CONSTRAINT "PK_52029fc2d8e98e88f2d89d5d7b1" PRIMARY KEY ("task_id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_incident_tasks_incident" ON "incident_tasks"  ("incident_id") ');
    await queryRunner.query(
      'CREATE TABLE "incident_clashes" ("incident_id" uuid NOT NULL, "task_id" uuid NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f5cd888a3f91d55929b6df0c551" PRIMARY KEY ("incident_id", "task_id", "reason"))',
    );
    await queryRunner.query(
      'ALTER TABLE "playbooks" ADD CONSTRAINT "fk_playbooks_paperwork_department" FOREIGN KEY ("paperwork_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "on_call_rosters" ADD CONSTRAINT "fk_on_call_rosters_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "on_call_rosters" ADD CONSTRAINT "fk_on_call_rosters_default_crew" FOREIGN KEY ("default_crew_id") REFERENCES "crews"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "on_call_shifts" ADD CONSTRAINT "fk_on_call_shifts_roster" FOREIGN KEY ("roster_id") REFERENCES "on_call_rosters"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "on_call_shifts" ADD CONSTRAINT "fk_on_call_shifts_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_reported_by" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_location" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_paperwork_task" FOREIGN KEY ("paperwork_task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_closed_by" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_departments" ADD CONSTRAINT "fk_incident_departments_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_departments" ADD CONSTRAINT "fk_incident_departments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_departments" ADD CONSTRAINT "fk_incident_departments_crew" FOREIGN KEY ("crew_id") REFERENCES "crews"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_callouts" ADD CONSTRAINT "fk_incident_callouts_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_callouts" ADD CONSTRAINT "fk_incident_callouts_department" FOREIGN KEY ("incident_department_id") REFERENCES "incident_departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_callouts" ADD CONSTRAINT "fk_incident_callouts_channel" FOREIGN KEY ("channel_id") REFERENCES "crew_channels"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_ack_tokens" ADD CONSTRAINT "fk_incident_ack_tokens_department" FOREIGN KEY ("incident_department_id") REFERENCES "incident_departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_ack_tokens" ADD CONSTRAINT "fk_incident_ack_tokens_callout" FOREIGN KEY ("callout_id") REFERENCES "incident_callouts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_events" ADD CONSTRAINT "fk_incident_events_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_tasks" ADD CONSTRAINT "fk_incident_tasks_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_tasks" ADD CONSTRAINT "fk_incident_tasks_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_clashes" ADD CONSTRAINT "fk_incident_clashes_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident_clashes" ADD CONSTRAINT "fk_incident_clashes_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "incident_clashes" DROP CONSTRAINT "fk_incident_clashes_task"');
    await queryRunner.query('ALTER TABLE "incident_clashes" DROP CONSTRAINT "fk_incident_clashes_incident"');
    await queryRunner.query('ALTER TABLE "incident_tasks" DROP CONSTRAINT "fk_incident_tasks_incident"');
    await queryRunner.query('ALTER TABLE "incident_tasks" DROP CONSTRAINT "fk_incident_tasks_task"');
    await queryRunner.query('ALTER TABLE "incident_events" DROP CONSTRAINT "fk_incident_events_incident"');
    await queryRunner.query('ALTER TABLE "incident_ack_tokens" DROP CONSTRAINT "fk_incident_ack_tokens_callout"');
    await queryRunner.query('ALTER TABLE "incident_ack_tokens" DROP CONSTRAINT "fk_incident_ack_tokens_department"');
    await queryRunner.query('ALTER TABLE "incident_callouts" DROP CONSTRAINT "fk_incident_callouts_channel"');
    await queryRunner.query('ALTER TABLE "incident_callouts" DROP CONSTRAINT "fk_incident_callouts_department"');
    await queryRunner.query('ALTER TABLE "incident_callouts" DROP CONSTRAINT "fk_incident_callouts_incident"');
    await queryRunner.query('ALTER TABLE "incident_departments" DROP CONSTRAINT "fk_incident_departments_crew"');
    await queryRunner.query('ALTER TABLE "incident_departments" DROP CONSTRAINT "fk_incident_departments_department"');
    await queryRunner.query('ALTER TABLE "incident_departments" DROP CONSTRAINT "fk_incident_departments_incident"');
    await queryRunner.query('ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_closed_by"');
    await queryRunner.query('ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_paperwork_task"');
    await queryRunner.query('ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_project"');
    await queryRunner.query('ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_location"');
    await queryRunner.query('ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_reported_by"');
    await queryRunner.query('ALTER TABLE "on_call_shifts" DROP CONSTRAINT "fk_on_call_shifts_crew"');
    await queryRunner.query('ALTER TABLE "on_call_shifts" DROP CONSTRAINT "fk_on_call_shifts_roster"');
    await queryRunner.query('ALTER TABLE "on_call_rosters" DROP CONSTRAINT "fk_on_call_rosters_default_crew"');
    await queryRunner.query('ALTER TABLE "on_call_rosters" DROP CONSTRAINT "fk_on_call_rosters_department"');
    await queryRunner.query('ALTER TABLE "playbooks" DROP CONSTRAINT "fk_playbooks_paperwork_department"');
    await queryRunner.query('DROP TABLE "incident_clashes"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_tasks_incident"');
    await queryRunner.query('DROP TABLE "incident_tasks"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_events_incident_at"');
    await queryRunner.query('DROP TABLE "incident_events"');
    await queryRunner.query('DROP TYPE "public"."incident_event_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_ack_tokens_callout"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_ack_tokens_department"');
    await queryRunner.query('DROP TABLE "incident_ack_tokens"');
    await queryRunner.query('DROP INDEX "public"."uq_incident_callouts_target"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_callouts_status_next"');
    await queryRunner.query('DROP TABLE "incident_callouts"');
    await queryRunner.query('DROP INDEX "public"."uq_incident_departments_incident_department"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_departments_escalation"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_departments_crew"');
    await queryRunner.query('DROP TABLE "incident_departments"');
    await queryRunner.query('DROP TYPE "public"."incident_department_status"');
    await queryRunner.query('DROP INDEX "public"."ix_incidents_status_reported"');
    await queryRunner.query('DROP INDEX "public"."uq_incidents_project"');
    await queryRunner.query('DROP INDEX "public"."uq_incidents_code"');
    await queryRunner.query('DROP TABLE "incidents"');
    await queryRunner.query('DROP TYPE "public"."incident_status"');
    await queryRunner.query('DROP TYPE "public"."incident_severity"');
    await queryRunner.query('DROP INDEX "public"."ix_on_call_shifts_roster_time"');
    await queryRunner.query('DROP TABLE "on_call_shifts"');
    await queryRunner.query('DROP INDEX "public"."uq_on_call_rosters_department"');
    await queryRunner.query('DROP TABLE "on_call_rosters"');
    await queryRunner.query('DROP INDEX "public"."uq_playbooks_kind"');
    await queryRunner.query('DROP TABLE "playbooks"');
    await queryRunner.query('DROP TYPE "public"."incident_kind"');
  }
}
