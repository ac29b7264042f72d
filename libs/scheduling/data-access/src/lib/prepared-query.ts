import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement of the connection (node-postgres parses it once per
 * connection; PostgreSQL plans it once it has seen that one plan fits every call): for the large
 * statements of a push, planning the unnamed statement again at every call took 3–4 ms each (the
 * links and tasks read with 1,000–2,000 ids, the write of the moves). TypeORM hands a query
 * config object to node-postgres as it is, with its error handling (QueryFailedError) intact.
 */
export function preparedQuery<T>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T> {
  let name = names.get(text);
  if (!name) {
    // The name follows from the text: node-postgres refuses one name for two texts.
    name = `ws_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return manager.query({ name, text } as unknown as string, parameters);
}
