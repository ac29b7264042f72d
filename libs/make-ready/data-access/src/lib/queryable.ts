/** Anything that runs SQL: a TypeORM EntityManager or DataSource (the api's, the worker's). */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
