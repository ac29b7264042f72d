import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { QueryFailedError } from 'typeorm';
import { preparedQuery } from './prepared-query';

describe('prepared statements against PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('prepares a text once per connection and answers each call with its own parameters', async () => {
    await db.dataSource.transaction(async (manager) => {
      const text = 'SELECT $1::int * 2 AS doubled';
      expect(await preparedQuery(manager, text, [2])).toEqual([{ doubled: 4 }]);
      expect(await preparedQuery(manager, text, [21])).toEqual([{ doubled: 42 }]);
      expect(await preparedQuery(manager, 'SELECT $1::int + 1 AS next', [1])).toEqual([{ next: 2 }]);
      const prepared: { statement: string }[] = await manager.query(
        `SELECT statement FROM pg_prepared_statements WHERE name LIKE 'ws\\_%' ORDER BY statement`,
      );
      expect(prepared.map((row) => row.statement)).toEqual([
        'SELECT $1::int * 2 AS doubled',
        'SELECT $1::int + 1 AS next',
      ]);
    });
  });

  it('fails as TypeORM queries do (QueryFailedError with the driver error), so errors still map to 4xx', async () => {
    await db.dataSource.query('CREATE TABLE prepared_probe (id int PRIMARY KEY)');
    const insert = 'INSERT INTO prepared_probe (id) VALUES ($1)';
    await preparedQuery(db.dataSource.manager, insert, [1]);
    const failure = await preparedQuery(db.dataSource.manager, insert, [1]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
  });
});
