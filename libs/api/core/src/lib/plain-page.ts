import { ReadScope } from '@worksite/auth-access';
import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { Page, PageQueryDto } from './pagination';

/** One condition of a list, as TypeORM's andWhere takes it: `e.<property>`, `:name` and `:...name`. */
export interface ListCondition {
  where: string;
  params?: Record<string, unknown>;
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

  constructor(dataSource: DataSource, entity: EntityTarget<E>) {
    this.metadata = dataSource.getMetadata(entity);
    this.select = this.metadata.columns
      .filter((column) => column.isSelect && !column.isVirtual)
      .map((column) => {
        if (column.transformer || column.embeddedMetadata) {
          throw new Error(`PlainPage cannot read ${this.metadata.name}.${column.propertyName}`);
        }
        // What TypeORM's hydration makes of these, written in SQL: a date's text, an enum array's items.
        const cast = column.type === 'date' ? '::text' : column.type === 'enum' && column.isArray ? '::text[]' : '';
        return `e."${column.databaseName}"${cast} AS "${column.propertyName}"`;
      })
      .join(', ');
  }

  async read(
    manager: EntityManager,
    scope: ReadScope,
    conditions: ListCondition[],
    order: Record<string, 'ASC' | 'DESC'>,
    page: PageQueryDto,
  ): Promise<Page<E>> {
    const all = scope === 'none' ? [{ where: '1 = 0' }] : scope === 'all' ? conditions : [scope, ...conditions];
    const values: unknown[] = [];
    const where = all.map((condition) => `(${this.sql(condition.where, condition.params ?? {}, values)})`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const orderSql = [...Object.entries(order), ['id', 'ASC']]
      .map(([property, direction]) => `${this.sql(`e.${property}`, {}, values)} ${direction}`)
      .join(', ');
    const offset = (page.page - 1) * page.pageSize;
    const from = `FROM "${this.metadata.tableName}" e ${whereSql}`;
    const items: E[] = await manager.query(
      `SELECT ${this.select} ${from} ORDER BY ${orderSql} LIMIT ${page.pageSize} OFFSET ${offset}`,
      values,
    );
    const known = items.length > 0 ? items.length < page.pageSize : offset === 0;
    const total = known
      ? offset + items.length
      : Number((await manager.query(`SELECT count(*) AS total ${from}`, values))[0].total);
    return { items, total, page: page.page, pageSize: page.pageSize };
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
