import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

const CHUNK = 500;

/** A row wanted by the seed: its natural key, its deterministic id and its columns. */
export interface KeyedRow<T> {
  key: string;
  id: string;
  row: QueryDeepPartialEntity<T>;
}

/**
 * Writes seed rows inside the seed's transaction. Rows are inserted with
 * `ON CONFLICT DO NOTHING`, so a row already there (same id, or same natural key) is left
 * exactly as it is; the writer counts what it inserted and what it found.
 */
export class SeedWriter {
  readonly inserted = new Map<string, number>();
  readonly present = new Map<string, number>();

  constructor(readonly manager: EntityManager) {}

  /** Inserts the rows that are not there yet; returns how many it inserted. */
  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, all: QueryDeepPartialEntity<T>[]): Promise<number> {
    const table = this.manager.getRepository(entity).metadata.tableName;
    // Rows already there by id are not sent at all: an INSERT that ends in a conflict still runs
    // the table's BEFORE INSERT triggers (a task's would use up a task code).
    const ids = all.map((row) => (row as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
    const there = new Set(
      ids.length
        ? (
            (await this.manager.query(`SELECT id FROM "${table}" WHERE id = ANY($1::uuid[])`, [ids])) as {
              id: string;
            }[]
          ).map((row) => row.id)
        : [],
    );
    const rows = all.filter((row) => !there.has((row as { id?: string }).id ?? ''));
    let count = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const result = await this.manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(i, i + CHUNK))
        .orIgnore()
        .returning('id')
        .updateEntity(false)
        .execute();
      count += (result.raw as unknown[]).length;
    }
    this.inserted.set(table, (this.inserted.get(table) ?? 0) + count);
    this.present.set(table, (this.present.get(table) ?? 0) + all.length - count);
    return count;
  }

  /**
   * Ids by natural key for rows identified by one: a row already there (seeded earlier, or
   * made by hand with the same name) is adopted, the others are inserted with their
   * deterministic ids. `existing` maps natural keys to ids of rows found in the database.
   */
  async ensure<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    wanted: KeyedRow<T>[],
    existing: Map<string, string>,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const missing: QueryDeepPartialEntity<T>[] = [];
    for (const { key, id, row } of wanted) {
      const found = existing.get(key);
      ids.set(key, found ?? id);
      if (!found) missing.push({ ...row, id } as QueryDeepPartialEntity<T>);
    }
    await this.insert(entity, missing);
    const table = this.manager.getRepository(entity).metadata.tableName;
    this.present.set(table, (this.present.get(table) ?? 0) + wanted.length - missing.length);
    return ids;
  }

  /**
   * Runs `sql` (selecting `id` and `key`) and maps keys to ids; when several rows share a
   * key, the first one returned wins.
   */
  async idsByKey(sql: string, params: unknown[]): Promise<Map<string, string>> {
    const rows: { id: string; key: string }[] = await this.manager.query(sql, params);
    const ids = new Map<string, string>();
    for (const row of rows) if (!ids.has(row.key)) ids.set(row.key, row.id);
    return ids;
  }

  /** Total rows inserted and found already there. */
  totals(): { inserted: number; present: number } {
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    return { inserted: sum(this.inserted), present: sum(this.present) };
  }
}
