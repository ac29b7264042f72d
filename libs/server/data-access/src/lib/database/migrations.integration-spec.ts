import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { DataSource } from 'typeorm';
import { runMigrations } from './run-migrations';
import { schemaDiff } from './schema-diff';

/** Tables and enum types of the public schema, TypeORM's own bookkeeping table aside. */
async function ourSchema(dataSource: DataSource): Promise<{ tables: string[]; types: string[] }> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
  );
  const types: { name: string }[] = await dataSource.query(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1`,
  );
  return {
    tables: tables.map((row) => row.name),
    types: types.map((row) => row.name),
  };
}

/** Undoes every applied migration, newest first; returns how many were undone. */
async function revertAll(dataSource: DataSource): Promise<number> {
  const applied = async (): Promise<number> => {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM migrations');
    return count;
  };
  let reverted = 0;
  // Bounded, so a down() that fails to unrecord itself fails the test instead of looping.
  while ((await applied()) > 0 && reverted <= dataSource.migrations.length) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted++;
  }
  return reverted;
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('apply to an empty database, revert completely, apply again and match the entities', async () => {
    const { dataSource } = database;
    expect((await ourSchema(dataSource)).tables).toEqual([]);

    const applied = await runMigrations(dataSource);
    expect(applied.length).toBe(dataSource.migrations.length);
    const migrated = await ourSchema(dataSource);
    expect(migrated.tables).toEqual([...dataSource.entityMetadatas.map((entity) => entity.tableName)].sort());

    expect(await revertAll(dataSource)).toBe(applied.length);
    expect(await ourSchema(dataSource)).toEqual({ tables: [], types: [] });

    expect(await runMigrations(dataSource)).toEqual(applied);
    expect(await ourSchema(dataSource)).toEqual(migrated);
    const diff = await schemaDiff(dataSource);
    expect(diff.up).toEqual([]);
  });

  it('has nothing left to apply once migrated', async () => {
    expect(await runMigrations(database.dataSource)).toEqual([]);
    expect(await database.dataSource.showMigrations()).toBe(false);
  });

  it("puts a pushed task's typed move back into its changes when the typed moves are reverted", async () => {
    const { dataSource } = database;
    const [{ id }] = await dataSource.query(
      `INSERT INTO audit_entries (actor_name, action, entity, entity_id, changes, move_start_before, move_start_after,
                                  move_finish_before, move_finish_after, move_start_date_before, move_start_date_after,
                                  move_finish_date_before, move_finish_date_after)
       VALUES ('系统', 'update', 'task', gen_random_uuid(), '{}', '2026-11-02T06:00Z', '2026-11-03T06:00Z',
               '2026-11-02T10:00Z', '2026-11-02T10:00Z', '2026-11-02', '2026-11-03', '2026-11-02', '2026-11-02')
       RETURNING id`,
    );
    const applied = async () =>
      (await dataSource.query(`SELECT 1 FROM migrations WHERE name = 'AuditTypedMoves1796510000000'`)).length > 0;
    let reverted = 0;
    while ((await applied()) && reverted++ <= dataSource.migrations.length) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [{ changes }] = await dataSource.query('SELECT changes FROM audit_entries WHERE id = $1', [id]);
    // Only what changed, as the writer recorded moves before the typed columns.
    expect(changes).toEqual({
      plannedStart: { before: '2026-11-02T06:00:00.000Z', after: '2026-11-03T06:00:00.000Z' },
      startDate: { before: '2026-11-02', after: '2026-11-03' },
    });
    await runMigrations(dataSource);
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
