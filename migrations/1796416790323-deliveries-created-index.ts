import { MigrationInterface, QueryRunner } from 'typeorm';

/** The metrics endpoint counts the last 24 hours of deliveries: by an index, not a scan of all. */
export class DeliveriesCreatedIndex1796416790323 implements MigrationInterface {
  name = 'DeliveriesCreatedIndex1796416790323';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_deliveries_created" ON "deliveries"  ("created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_deliveries_created"');
  }
}
