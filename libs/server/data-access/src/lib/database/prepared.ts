import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Texts given a statement name so far; past the bound, further texts run unnamed. */
const statementNames = new Map<string, string>();
const MAX_NAMED = 200;

/**
 * Runs a statement as a named prepared statement, so that PostgreSQL parses and plans it once
 * per connection instead of on every call (for the night run's ledger CTEs and the busiest
 * lists this costs more than running them). The name follows from the text, so the same text
 * is one statement on each connection of the pool. At most MAX_NAMED texts are named (each
 * stays prepared on every connection it ran on); any further one runs as an unnamed statement.
 */
export async function queryPrepared<T = Record<string, unknown>>(
  dataSource: DataSource,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const name = statementName(text);
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query<T & QueryResultRow>(name ? { name, text, values: params } : { text, values: params });
  return result.rows;
}

/** The statement name of a text (from its hash: node-postgres refuses one name for two texts), within the bound. */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED) {
    name = `ws_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * `queryPrepared` on a manager's connection (inside its transaction). TypeORM hands a query
 * config object to node-postgres as it is, with its error handling (QueryFailedError) intact.
 */
export function preparedQuery<T>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T> {
  const name = statementName(text);
  return manager.query((name ? { name, text } : text) as unknown as string, parameters);
}
