import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Reads whole rows of an entity as plain objects of its shape, without TypeORM's hydration:
 * a 10,000-task project loads in a fraction of the time `find` takes. Instants come back as
 * epoch milliseconds (no date-string parsing) and become Dates, local dates as text, enum
 * arrays as arrays; a column's transformer is applied as TypeORM would.
 */
export async function plainRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: string,
  parameters: unknown[],
  orderBy: string,
): Promise<T[]> {
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const select = columns.map((column, i) => `${selectOf(column)} AS c${i}`).join(', ');
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${select} FROM ${metadata.tablePath} WHERE ${where} ORDER BY ${orderBy}`,
    parameters,
  );
  const readers = columns.map((column, i) => ({ key: `c${i}`, property: column.propertyName, read: readerOf(column) }));
  return rows.map((row) => {
    const entityRow: Record<string, unknown> = {};
    for (const { key, property, read } of readers) entityRow[property] = read(row[key]);
    return entityRow as T;
  });
}

const isInstant = (column: ColumnMetadata) =>
  ['timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone'].includes(String(column.type));

function selectOf(column: ColumnMetadata): string {
  const name = `"${column.databaseName}"`;
  // Milliseconds truncated as node-postgres does (the database keeps microseconds).
  if (isInstant(column)) return `floor(extract(epoch FROM ${name}) * 1000)::float8`;
  if (column.type === 'date') return `${name}::text`;
  if (column.isArray && column.type === 'enum') return `${name}::text[]`;
  return name;
}

function readerOf(column: ColumnMetadata): (value: unknown) => unknown {
  const transformer = column.transformer;
  const base: (value: unknown) => unknown = isInstant(column)
    ? (value) => (value === null ? null : new Date(value as number))
    : (value) => value;
  if (!transformer) return base;
  if (Array.isArray(transformer)) {
    return (value) => transformer.reduceRight((acc, t) => t.from(acc), base(value));
  }
  return (value) => transformer.from(base(value));
}
