import { AppConfig } from '@worksite/server-config';
import { MIGRATIONS } from '@worksite/migrations';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';

/**
 * The one description of our database connection, used by the api, the worker, the
 * migration CLI and the tests: schema changes only through migrations, bounded pool,
 * statement timeout.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'>,
): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: config.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as API errors (and 500s are logged with their stack by the error filter).
    logging: ['warn', 'migration'],
    extra: {
      max: config.DB_POOL_SIZE,
      connectionTimeoutMillis: 5000,
      statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
      application_name: 'worksite',
      // Short OLTP queries: JIT compilation (on by default) costs more than it saves, and a
      // misestimated row count made it compile for a second per query in the night run.
      options: '-c jit=off',
    },
  };
}

export function createDataSource(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'>,
): DataSource {
  return new DataSource(dataSourceOptions(config));
}
