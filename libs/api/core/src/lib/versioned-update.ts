import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** One row to update: its id, the version it must still have, and the values to write (by property name). */
export interface VersionedRowUpdate {
  id: string;
  version: number;
  values: Record<string, unknown>;
}

/** Column types an UPDATE … FROM unnest() can carry (arrays and JSON go one row at a time). */
const PLAIN_TYPES = new Set(['timestamptz', 'date', 'integer', 'smallint', 'text', 'uuid', 'boolean']);

/**
 * Updates many rows of one entity in the caller's transaction, each only if it still has the
 * version given (version + 1, `updated_at` now). Rows writing the same plain columns go in one
 * `UPDATE … FROM unnest()` per set of columns; the others one by one. Returns the ids written:
 * a row missing from it had changed (the caller answers 409 naming it).
 */
export async function updateVersionedRows(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  rows: readonly VersionedRowUpdate[],
): Promise<Set<string>> {
  const metadata = manager.connection.getMetadata(target);
  const groups = new Map<string, VersionedRowUpdate[]>();
  for (const row of rows) {
    const key = Object.keys(row.values).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const written = new Set<string>();
  for (const [key, group] of groups) {
    const columns = key ? key.split(',').map((field) => metadata.findColumnWithPropertyName(field)) : [];
    const types = columns.map((column) => (column ? sqlTypeOf(column) : null));
    if (group.length > 1 && key && types.every((type) => type !== null)) {
      for (const id of await updateTogether(manager, group, columns as ColumnMetadata[], types as string[])) {
        written.add(id);
      }
      continue;
    }
    for (const row of group) {
      const result = await manager
        .createQueryBuilder()
        .update(target)
        .set({ ...row.values, version: () => 'version + 1' } as never)
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (result.affected === 1) written.add(row.id);
    }
  }
  return written;
}

async function updateTogether(
  manager: EntityManager,
  group: readonly VersionedRowUpdate[],
  columns: ColumnMetadata[],
  types: string[],
): Promise<string[]> {
  const { tableName } = columns[0].entityMetadata;
  const names = columns.map((column) => `"${column.databaseName}"`);
  const value = (row: VersionedRowUpdate, column: ColumnMetadata) => {
    const v = row.values[column.propertyName];
    return v instanceof Date ? v.toISOString() : (v ?? null);
  };
  const rows: { id: string }[] = await manager.query(
    // A SELECT around the UPDATE: TypeORM returns an UPDATE's rows as [rows, count].
    `WITH written AS (UPDATE "${tableName}" AS t
        SET ${names.map((name) => `${name} = u.${name}`).join(', ')}, version = t.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], ${types.map((type, k) => `$${k + 3}::${type}[]`).join(', ')})
            AS u(id, expected, ${names.join(', ')})
      WHERE t.id = u.id AND t.version = u.expected
     RETURNING t.id) SELECT id FROM written`,
    [
      group.map((row) => row.id),
      group.map((row) => row.version),
      ...columns.map((column) => group.map((row) => value(row, column))),
    ],
  );
  return rows.map((row) => row.id);
}

/** The SQL type of a plain column ("task_status" for an enum), null for arrays, JSON and the like. */
function sqlTypeOf(column: ColumnMetadata): string | null {
  if (column.isArray || typeof column.type !== 'string') return null;
  if (column.type === 'enum') return column.enumName ? `"${column.enumName}"` : null;
  return PLAIN_TYPES.has(column.type) ? column.type : null;
}
