import { allTables, createTestDatabase, databaseFingerprint, rowCounts, TestDatabase } from './test-database';

// The helpers every "a refused write leaves the database as it was" test relies on.
describe('test database helpers', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('creates a migrated database of its own', async () => {
    expect(new URL(db.url).pathname).toMatch(/^\/ws_test_[0-9a-f]{12}$/);
    expect(allTables(db.dataSource)).toEqual(expect.arrayContaining(['tasks', 'dependencies', 'users']));
    expect(await rowCounts(db.dataSource, ['tasks', 'departments'])).toEqual({ tasks: 0, departments: 0 });
  });

  it('changes its fingerprint on any written row, and only then', async () => {
    const before = await databaseFingerprint(db.dataSource);
    expect(await databaseFingerprint(db.dataSource)).toBe(before);
    await db.dataSource.query(`INSERT INTO departments (kind, name) VALUES ('power', '供电公司')`);
    const after = await databaseFingerprint(db.dataSource);
    expect(after).not.toBe(before);
    await db.dataSource.query(`UPDATE departments SET name = '国网供电公司'`);
    expect(await databaseFingerprint(db.dataSource)).not.toBe(after);
  });

  it('drops the database it made', async () => {
    const other = await createTestDatabase({ migrate: false });
    const name = new URL(other.url).pathname.slice(1);
    await other.drop();
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [name]);
    expect(n).toBe(0);
  });
});
