import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = 'notices_owe_amendment(p_crew uuid, p_project uuid, p_from date, p_to date) RETURNS void';

/**
 * `notices_owe_amendment` (nightly-notices migration) in PL/pgSQL around the same statement: the
 * task triggers call it twice per row written, and a LANGUAGE sql function that is not inlined
 * is planned again on every call, a PL/pgSQL one once per connection. An edit pushing 900 tasks
 * spent 312 ms in the trigger (EXPLAIN ANALYZE of its UPDATE), 26–66 ms after.
 */
export class OweAmendmentPlpgsql1796427000000 implements MigrationInterface {
  name = 'OweAmendmentPlpgsql1796427000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statement = (await this.body(queryRunner)).trim().replace(/;$/, '');
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION ${SIGNATURE} LANGUAGE plpgsql AS $body$ BEGIN ${statement}; END $body$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statement = (await this.body(queryRunner))
      .trim()
      .replace(/^BEGIN\s+/, '')
      .replace(/;\s*END$/, '');
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ${SIGNATURE} LANGUAGE sql AS $body$ ${statement} $body$`);
  }

  private async body(queryRunner: QueryRunner): Promise<string> {
    const [row] = (await queryRunner.query(
      `SELECT prosrc FROM pg_proc WHERE oid = 'notices_owe_amendment(uuid, uuid, date, date)'::regprocedure`,
    )) as { prosrc: string }[];
    return row.prosrc;
  }
}
