import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { runMigrations } from './run-migrations';

const CASE_INSENSITIVE = 'AccountsAndSessions1796309074670';

/** The migration that makes usernames unique ignoring case, on a database that already has clashing names. */
describe('usernames unique ignoring case: the migration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { dataSource } = database;
    // Back to just before that migration (and whatever came after it).
    for (let undone = 0; undone <= dataSource.migrations.length; undone++) {
      const [{ applied }] = await dataSource.query('SELECT count(*)::int AS applied FROM migrations WHERE name = $1', [
        CASE_INSENSITIVE,
      ]);
      if (applied === 0) break;
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  const addUser = (username: string) =>
    database.dataSource.query(
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $1, 'x', 'viewer')`,
      [username],
    );

  it('refuses to run while accounts differ only in case, naming them, and runs once they are renamed', async () => {
    const { dataSource } = database;
    for (const name of ['admin', 'Admin', 'li.ming', 'LI.MING', 'Li.Ming', 'wang']) await addUser(name);

    const failed = await runMigrations(dataSource).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failed?.message).toContain(
      'these accounts differ only in case: "Admin" and "admin"; "LI.MING" and "Li.Ming" and "li.ming"',
    );
    expect(failed?.message).toContain('Rename all but one of each');
    const [{ applied }] = await dataSource.query('SELECT count(*)::int AS applied FROM migrations WHERE name = $1', [
      CASE_INSENSITIVE,
    ]);
    expect(applied).toBe(0);

    await dataSource.query(
      `UPDATE users SET username = username || '.2' WHERE username IN ('Admin', 'LI.MING', 'Li.Ming')`,
    );
    await dataSource.query(`UPDATE users SET username = 'li.ming.3' WHERE username = 'Li.Ming.2'`);
    expect(await runMigrations(dataSource)).toContain(CASE_INSENSITIVE);

    await expect(addUser('WANG')).rejects.toThrow(/uq_users_username_lower/);
  });
});
