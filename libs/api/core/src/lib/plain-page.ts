import { ReadScope } from '@worksite/auth-access';
import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedQuery, queryPrepared } from '@worksite/server-data-access';
import { Page, PageJson, PageQueryDto } from './pagination';

/** One condition of a list, as TypeORM's andWhere takes it: `e.<property>`, `:name` and `:...name`. */
export interface ListCondition {
  where: string;
  params?: Record<string, unknown>;
}

/**
 * Where a list's total can be read instead of counting its rows: a table with a row per change
 * of the count (`sum` column) and the same columns as the entity for `properties`. Used when every
 * condition of the list (read scope included) looks at those properties only: the sum over the
 * rows the same conditions pick is the count of the entity's rows they pick.
 */
export interface KeptCount {
  table: string;
  sum: string;
  properties: readonly string[];
}

/**
 * A page of an entity's rows read as plain rows — the same objects TypeORM would hydrate (every
 * selected column under its property name; dates as YYYY-MM-DD, timestamps as Date), from one
 * SQL text with positional parameters, without a query builder or entity hydration per request
 * (together a third of the api's CPU on the busiest lists). The total is counted only when the
 * page itself cannot tell it (a full page, or an empty one past the first).
 */
export class PlainPage<E extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly select: string;
  private readonly jsonSelect: string;
  /** The row as `read` reads it, for an UPDATE's RETURNING (the table's columns, no alias). */
  readonly returning: string;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<E>,
    private readonly keptCount?: KeptCount,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    const columns = this.metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
    for (const column of columns) {
      if (column.transformer || column.embeddedMetadata) {
        throw new Error(`PlainPage cannot read ${this.metadata.name}.${column.propertyName}`);
      }
    }
    const selectOf = (alias: string) =>
      columns
        .map((column) => {
          // What TypeORM's hydration makes of these, written in SQL: a date's text, an enum array's items.
          const cast = column.type === 'date' ? '::text' : column.type === 'enum' && column.isArray ? '::text[]' : '';
          return `${alias}"${column.databaseName}"${cast} AS "${column.propertyName}"`;
        })
        .join(', ');
    this.select = selectOf('e.');
    this.returning = selectOf('');
    this.jsonSelect = columns
      .map((column) => `${jsonValue(this.metadata.name, column)} AS "${column.propertyName}"`)
      .join(', ');
  }

  async read(
    manager: EntityManager,
    scope: ReadScope,
    conditions: ListCondition[],
    order: Record<string, 'ASC' | 'DESC'>,
    page: PageQueryDto,
  ): Promise<Page<E>> {
    const { from, count, orderSql, offset, values } = this.query(scope, conditions, order, page);
    const items: E[] = await manager.query(
      `SELECT ${this.select} ${from} ORDER BY ${orderSql} LIMIT ${page.pageSize} OFFSET ${offset}`,
      values,
    );
    const known = items.length > 0 ? items.length < page.pageSize : offset === 0;
    const total = known
      ? offset + items.length
      : Number((await manager.query(`SELECT (${count}) AS total`, values))[0].total);
    return { items, total, page: page.page, pageSize: page.pageSize };
  }

  /**
   * The row the conditions pick (one row: by its id), read as `read` reads rows, in one prepared
   * statement (a task PATCH reads its row twice: TypeORM's builder and hydration, and PostgreSQL
   * parsing and planning each unnamed statement, cost more than the reads); undefined when no
   * row is picked, or the scope hides it.
   */
  async one(manager: EntityManager, scope: ReadScope, conditions: ListCondition[]): Promise<E | undefined> {
    const { from, values } = this.query(scope, conditions, {}, { page: 1, pageSize: 1 });
    const [row] = await preparedQuery<E[]>(manager, `SELECT ${this.select} ${from} LIMIT 1`, values);
    return row;
  }

  /**
   * The same page as `read`, as the JSON text the api answers: PostgreSQL writes the items (each
   * as `JSON.stringify` of read's row would be, timestamps as `toISOString` writes them) and, only
   * when the page cannot tell it, counts the total — in one statement, and the api neither parses
   * the rows nor stringifies the answer (a third of its CPU on the busiest lists).
   */
  async readJson(
    scope: ReadScope,
    conditions: ListCondition[],
    order: Record<string, 'ASC' | 'DESC'>,
    page: PageQueryDto,
  ): Promise<PageJson> {
    const { from, count, orderSql, offset, values } = this.query(scope, conditions, order, page);
    // The count is a subquery PostgreSQL runs only when the CASE needs it (an initplan is lazy).
    // The items keep the subquery's order: nothing joins or groups between it and string_agg.
    // A prepared statement: parsing and planning this text cost about as much as running it.
    const unknown = offset > 0 ? `count(*) IN (0, ${page.pageSize})` : `count(*) = ${page.pageSize}`;
    const [row] = await queryPrepared<{ items: string | null; total: number }>(
      this.dataSource,
      `SELECT string_agg(row_to_json(page_row)::text, ',') AS items,
              (CASE WHEN ${unknown} THEN (${count}) ELSE ${offset} + count(*) END)::int AS total
         FROM (SELECT ${this.jsonSelect} ${from} ORDER BY ${orderSql} LIMIT ${page.pageSize} OFFSET ${offset}) page_row`,
      values,
    );
    return `{"items":[${row.items ?? ''}],"total":${row.total},"page":${page.page},"pageSize":${page.pageSize}}` as PageJson;
  }

  /** The FROM … WHERE, the count's query, ORDER BY and OFFSET of a page, and its positional parameters. */
  private query(
    scope: ReadScope,
    conditions: ListCondition[],
    order: Record<string, 'ASC' | 'DESC'>,
    page: PageQueryDto,
  ): { from: string; count: string; orderSql: string; offset: number; values: unknown[] } {
    const all = scope === 'none' ? [{ where: '1 = 0' }] : scope === 'all' ? conditions : [scope, ...conditions];
    const values: unknown[] = [];
    const where = all.map((condition) => `(${this.sql(condition.where, condition.params ?? {}, values)})`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const orderSql = [...Object.entries(order), ['id', 'ASC']]
      .map(([property, direction]) => `${this.sql(`e.${property}`, {}, values)} ${direction}`)
      .join(', ');
    const offset = (page.page - 1) * page.pageSize;
    const from = `FROM "${this.metadata.tableName}" e ${whereSql}`;
    const kept = this.keptCount;
    const count =
      kept && all.every((condition) => onlyProperties(condition.where, kept.properties))
        ? `SELECT coalesce(sum(e."${kept.sum}"), 0) FROM "${kept.table}" e ${whereSql}`
        : `SELECT count(*) ${from}`;
    return { from, count, orderSql, offset, values };
  }

  /** `e.<property>` as its column, `:name` as the next positional parameter, `:...name` as a list of them. */
  private sql(template: string, params: Record<string, unknown>, values: unknown[]): string {
    return template
      .replace(/\be\.([A-Za-z_]\w*)/g, (_, property: string) => {
        const column = this.metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
        return `e."${column.databaseName}"`;
      })
      .replace(/(?<![:\w]):(\.\.\.)?([A-Za-z_]\w*)/g, (_, spread: string | undefined, name: string) => {
        if (!(name in params)) throw new Error(`no value for :${name} in ${template}`);
        const value = params[name];
        if (!spread) return `$${values.push(value)}`;
        return (value as unknown[]).map((item) => `$${values.push(item)}`).join(', ');
      });
  }
}

/** Whether a condition's template looks at no property of the row but `properties`. */
function onlyProperties(template: string, properties: readonly string[]): boolean {
  return [...template.matchAll(/\be\.([A-Za-z_]\w*)/g)].every(([, property]) => properties.includes(property));
}

/** Column types whose PostgreSQL JSON is what JSON.stringify writes of the value pg reads (as is, or cast). */
const JSON_AS_IS = new Set([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'integer',
  'int',
  'int4',
  'smallint',
  'int2',
  'boolean',
  'bool',
  'jsonb',
  'enum',
]);

/** A column as its JSON value in `readJson`: a date's text, a timestamp's `toISOString()`, the rest as is. */
function jsonValue(entity: string, column: ColumnMetadata): string {
  const name = `e."${column.databaseName}"`;
  const type = String(column.type);
  if (type === 'date' && !column.isArray) return `${name}::text`;
  if (type === 'timestamptz' && !column.isArray) {
    // Milliseconds cut, not rounded, as pg's parser and Date do with microseconds.
    return `to_char(${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  if (JSON_AS_IS.has(type) && (!column.isArray || type !== 'jsonb')) return name;
  throw new Error(`PlainPage cannot write ${entity}.${column.propertyName} (${type}) as JSON`);
}
