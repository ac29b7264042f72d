import { EntityManager } from 'typeorm';

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

/** Named prepared statements (the night run's ledger statements): see server-data-access. */
export { queryPrepared } from '@worksite/server-data-access';
