import { seedCrewsWithWork } from '@worksite/notices-testing';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { analyseGrownTables } from './growing-tables';

describe('the statistics of the tables a night run grows (real PostgreSQL)', () => {
  let db: TestDatabase;
  let crewId: string;

  const statistics = async () =>
    Object.fromEntries(
      (
        (await db.dataSource.query(
          `SELECT s.relname AS name, c.reltuples::int AS tuples, coalesce(s.last_analyze, '-infinity')::text AS analysed
             FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.relname IN ('notices', 'deliveries')`,
        )) as { name: string; tuples: number; analysed: string }[]
      ).map((row) => [row.name, row]),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    crewId = (await seedCrewsWithWork(db.dataSource, { crews: 1, date: '2030-01-01' })).crews[0].id;
    // Autovacuum could analyse them between the inserts and the call (it looks once a minute).
    for (const table of ['notices', 'deliveries']) {
      await db.dataSource.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    }
  });

  afterAll(() => db?.drop());

  it('analyses notices and deliveries once they outgrow what ANALYZE last saw, and not again until they do', async () => {
    expect(await analyseGrownTables(db.dataSource)).toEqual([]);
    const before = await statistics();

    // 1,500 notices with an email each, as the first night of an installation writes them.
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query(
        `WITH n AS (
           INSERT INTO notices (crew_id, notice_date, revision, reason, language, subject, content, text, task_count)
           SELECT $1, '2030-01-01', r, 'initial', 'zh-CN', 's', '{}', 't', 1 FROM generate_series(1, 1500) r
           RETURNING id)
         INSERT INTO deliveries (notice_id, kind, address) SELECT id, 'email', 'a@example.com' FROM n`,
        [crewId],
      );
      // This connection's counts reach the statistics now, not up to a second later.
      await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }

    expect((await analyseGrownTables(db.dataSource)).sort()).toEqual(['deliveries', 'notices']);
    const after = await statistics();
    for (const table of ['notices', 'deliveries']) {
      expect(after[table].tuples).toBe(1500);
      expect(after[table].analysed).not.toBe(before[table].analysed);
    }
    expect(await analyseGrownTables(db.dataSource)).toEqual([]);
  });
});
