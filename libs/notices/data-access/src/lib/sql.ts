import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a query and returns its rows whatever the command: TypeORM answers UPDATE and DELETE
 * (also with RETURNING) as [rows, rowCount] and everything else as rows.
 */
export async function queryRows<T = Record<string, unknown>>(
  manager: Pick<EntityManager, 'query'>,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await manager.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

const statementNames = new Map<string, string>();

/**
 * Runs a statement the night run runs thousands of times as a named prepared statement, so
 * that PostgreSQL plans it once per connection instead of on every call (planning a ledger
 * CTE costs more than running it). The name follows from the text, so the same text is one
 * statement on each connection of the pool.
 */
export async function queryPrepared<T = Record<string, unknown>>(
  dataSource: DataSource,
  text: string,
  params: unknown[],
): Promise<T[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `ws_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query<T & QueryResultRow>({ name, text, values: params });
  return result.rows;
}
