import { randomBytes } from 'node:crypto';
import { loadConfig } from '@worksite/server-config';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@worksite/server-data-access';
import { DataSource } from 'typeorm';

/** A freshly migrated database of its own for one test file. */
export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates a database named ws_test_<random> on the server of DATABASE_URL (default the
 * local PostgreSQL), migrates it and connects. Fails loudly if PostgreSQL is unreachable.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const config = loadConfig();
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/ws_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const dataSource = await createDataSource({
    ...config,
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: 5,
  }).initialize();
  if (options.migrate !== false) await runMigrations(dataSource);
  return {
    url: databaseUrl,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(databaseUrl);
    },
  };
}

/** Row counts of the given tables, to assert that a refused write changed nothing. */
export async function rowCounts(dataSource: DataSource, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = count;
  }
  return counts;
}

/** Every table of the schema (entities and join tables), for "nothing was written" checks. */
export function allTables(dataSource: DataSource): string[] {
  return dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();
}

/** A fingerprint of every table's content: equal fingerprints mean nothing was written. */
export async function databaseFingerprint(dataSource: DataSource): Promise<string> {
  const parts: string[] = [];
  for (const table of allTables(dataSource)) {
    const [{ sum }] = await dataSource.query(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${table}" x`,
    );
    parts.push(`${table}:${sum}`);
  }
  return parts.join(',');
}
